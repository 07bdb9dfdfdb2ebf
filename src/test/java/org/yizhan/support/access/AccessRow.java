package org.yizhan.support.access;

import java.net.http.HttpResponse;
import java.util.List;
import java.util.function.Function;
import java.util.function.Supplier;

/**
 * One endpoint of the access matrix: how to call it in a {@link Cell}, and the expected
 * outcome for each role ({@link AccessFixture#COLUMNS}) on an object of the caller's own
 * district and on one of the foreign district ({@code null} where nothing could be
 * foreign). The outcome letters are explained on {@code AccessMatrixTests}.
 */
public final class AccessRow {

	/** How a cell's caller is signed in. */
	public enum Kind {

		/** JSON API with the role's personal access token. */
		API,
		/** JSON API with the role's password (Basic), for what a token may not do. */
		BASIC,
		/** A console or public page in the role's signed-in session. */
		PAGE

	}

	private final Kind kind;

	private final String method;

	private final String path;

	private final Function<Cell, HttpResponse<String>> call;

	private final String own;

	private final String foreign;

	private Supplier<List<String>> leaks = List::of;

	private AccessRow(Kind kind, String method, String path, Function<Cell, HttpResponse<String>> call, String own,
			String foreign) {
		this.kind = kind;
		this.method = method;
		this.path = path;
		this.call = call;
		this.own = own;
		this.foreign = foreign;
	}

	public static AccessRow api(String method, String path, Function<Cell, HttpResponse<String>> call, String own,
			String foreign) {
		return new AccessRow(Kind.API, method, path, call, own, foreign);
	}

	public static AccessRow basic(String method, String path, Function<Cell, HttpResponse<String>> call, String own,
			String foreign) {
		return new AccessRow(Kind.BASIC, method, path, call, own, foreign);
	}

	public static AccessRow page(String method, String path, Function<Cell, HttpResponse<String>> call, String own,
			String foreign) {
		return new AccessRow(Kind.PAGE, method, path, call, own, foreign);
	}

	/** Markers of foreign objects that no allowed answer may contain. */
	public AccessRow leaks(Supplier<List<String>> markers) {
		this.leaks = markers;
		return this;
	}

	public String endpoint() {
		return this.method + " " + this.path;
	}

	public Kind kind() {
		return this.kind;
	}

	public String method() {
		return this.method;
	}

	public String path() {
		return this.path;
	}

	public HttpResponse<String> call(Cell cell) {
		return this.call.apply(cell);
	}

	/** The expected outcomes, one letter per column; {@code null} for no such cells. */
	public String expected(boolean foreign) {
		return foreign ? this.foreign : this.own;
	}

	public List<String> leakMarkers() {
		return this.leaks.get();
	}

}
