package org.yizhan.dataio;

import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.function.Consumer;

import org.yizhan.organization.Actor;
import org.yizhan.organization.Audited;
import org.yizhan.organization.Role;
import org.yizhan.platform.ConflictException;
import org.yizhan.platform.InvalidInputException;
import org.yizhan.platform.NotFoundException;
import org.yizhan.platform.Violation;
import org.yizhan.platform.security.ForbiddenException;
import org.yizhan.station.StationImportRow;
import org.yizhan.station.StationImportVerdict;
import org.yizhan.station.StationRegistry;

import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Station ledgers from Excel or CSV, in two steps: {@link #check} reads the file, runs
 * every row through the station registry's own validation and matching
 * ({@link StationRegistry#planImport}) and stores the file with its report, changing no
 * station; {@link #importChecked} imports that same stored file in one transaction, whole
 * ({@link ImportMode#ALL}, refused while anything is wrong) or its valid rows
 * ({@link ImportMode#VALID_ROWS}). A re-import of the same ledger finds every row
 * unchanged. One import runs at a time per union, across instances (an advisory lock of
 * the union, taken in the import's transaction). Union admins only, for the districts of
 * their subtree.
 */
@Service
public class StationImports {

	/** The problems a report carries; every problem is in the downloadable report. */
	public static final int SHOWN_PROBLEMS = 500;

	/** The problems stored of one check; a file with more is mostly wrong anyway. */
	static final int STORED_PROBLEMS = 20_000;

	static final int MAX_FILE_NAME = 200;

	private final StationRegistry registry;

	private final StationImportRepository imports;

	private final ApplicationEventPublisher events;

	private final Clock clock;

	StationImports(StationRegistry registry, StationImportRepository imports, ApplicationEventPublisher events,
			Clock clock) {
		this.registry = registry;
		this.imports = imports;
		this.events = events;
		this.clock = clock;
	}

	/**
	 * The dry run: reads and checks a ledger and keeps it for {@link #importChecked}.
	 * @throws InvalidInputException (field {@code file}) for a file that is no ledger at
	 * all: not xlsx or CSV, unpacking into too much, no heading row, a required column
	 * missing, more than {@link StationLedger#MAX_ROWS} rows
	 */
	@Transactional
	public ImportReport check(String fileName, byte[] content) {
		Actor actor = requireAdmin();
		String name = fileName(fileName);
		if (content == null || content.length == 0) {
			throw new InvalidInputException(Violation.of("file", "dataio.import.emptyFile"));
		}
		StationLedger.Format format = StationLedger.Format.of(name, content)
			.orElseThrow(() -> new InvalidInputException(Violation.of("file", "dataio.import.notSpreadsheet")));
		StationLedger ledger = read(format, content);
		List<StationImportVerdict> verdicts = this.registry.planImport(ledger.rows);
		List<ImportProblem> problems = problems(ledger, verdicts);
		int creates = count(verdicts, StationImportVerdict.Action.CREATE);
		int revises = count(verdicts, StationImportVerdict.Action.REVISE);
		int unchanged = count(verdicts, StationImportVerdict.Action.UNCHANGED);
		int invalid = ledger.unreadableRows + (int) verdicts.stream().filter(v -> !v.valid()).count();
		ImportReport counts = new ImportReport(0, actor.organizationCode(), name, ImportStatus.CHECKED,
				ledger.rows.size() + ledger.unreadableRows, creates, revises, unchanged, invalid, problems.size(),
				ledger.ignoredColumns, List.of(), this.clock.instant(), null, null);
		long id = this.imports.insert(actor.organizationCode(), actor.accountId(), name, format.name(), content,
				sha256(content), counts, this.clock.instant());
		this.imports.insertProblems(id, problems.subList(0, Math.min(problems.size(), STORED_PROBLEMS)));
		return get(id);
	}

	/**
	 * Imports a checked ledger from the file stored by {@link #check}, in one
	 * transaction: nothing is written unless everything is.
	 * @throws ConflictException when it is already imported, another import of the union
	 * is running, or (importing {@link ImportMode#ALL}) any row has a problem
	 */
	@Transactional
	public ImportReport importChecked(long id, ImportMode mode) {
		Actor actor = requireAdmin();
		if (mode == null) {
			throw new InvalidInputException(Violation.of("mode", "validation.required"));
		}
		StationImportRepository.StoredFile file = this.imports.lockFile(id, actor.organizationPath())
			.orElseThrow(() -> new NotFoundException("dataio.import.notFound", id));
		if (file.status() == ImportStatus.IMPORTED) {
			throw new ConflictException("dataio.import.alreadyImported", id);
		}
		if (!this.imports.tryLockUnion(file.organizationCode())) {
			throw new ConflictException("dataio.import.busy");
		}
		StationLedger ledger = read(StationLedger.Format.valueOf(file.format()), file.content());
		List<StationImportVerdict> verdicts = this.registry.applyImport(ledger.rows);
		int invalid = ledger.unreadableRows + (int) verdicts.stream().filter(v -> !v.valid()).count();
		if (mode == ImportMode.ALL && invalid > 0) {
			throw new ConflictException("dataio.import.hasProblems", invalid);
		}
		int creates = count(verdicts, StationImportVerdict.Action.CREATE);
		int revises = count(verdicts, StationImportVerdict.Action.REVISE);
		int unchanged = count(verdicts, StationImportVerdict.Action.UNCHANGED);
		this.imports.markImported(id, mode, creates, revises, unchanged, this.clock.instant());
		this.events.publishEvent(new Audited("dataio.stationImport", "station_import", Long.toString(id),
				file.organizationCode(), null, "file=" + file.fileName() + "; mode=" + mode + "; created=" + creates
						+ "; revised=" + revises + "; unchanged=" + unchanged + "; skipped=" + invalid));
		return get(id);
	}

	/** A check or import of the caller's subtree, with its first problems. */
	@Transactional(readOnly = true)
	public ImportReport get(long id) {
		Actor actor = requireAdmin();
		return this.imports.findVisible(id, actor.organizationPath(), SHOWN_PROBLEMS)
			.orElseThrow(() -> new NotFoundException("dataio.import.notFound", id));
	}

	/** The latest checks and imports of the caller's subtree, newest first. */
	@Transactional(readOnly = true)
	public List<ImportReport> listRecent() {
		Actor actor = requireAdmin();
		return this.imports.listRecent(actor.organizationPath(), 20);
	}

	/** Every stored problem of a check, in file order (the downloadable report). */
	@Transactional(readOnly = true)
	public void forEachProblem(long id, Consumer<ImportProblem> action) {
		get(id);
		this.imports.forEachProblem(id, action);
	}

	/**
	 * The headings a ledger's columns are found by, in the reader's language, the
	 * required ones marked with an asterisk.
	 */
	public List<String> headings(Locale locale) {
		return Arrays.stream(LedgerColumn.values())
			.map(column -> column.heading(locale) + (column.required() ? " *" : ""))
			.toList();
	}

	private static Actor requireAdmin() {
		Actor actor = Actor.required();
		if (!actor.holds(Role.ORG_ADMIN)) {
			throw new ForbiddenException("station.forbidden.manage");
		}
		return actor;
	}

	private static StationLedger read(StationLedger.Format format, byte[] content) {
		try {
			return StationLedger.read(format, content);
		}
		catch (StationLedger.LedgerRefusedException ex) {
			throw new InvalidInputException(new Violation("file", ex.code, List.copyOf(ex.args)));
		}
	}

	/**
	 * The ledger's own problems and the registry's violations, each named by the row and
	 * the column heading of the file, in file order.
	 */
	private static List<ImportProblem> problems(StationLedger ledger, List<StationImportVerdict> verdicts) {
		List<ImportProblem> problems = new ArrayList<>(ledger.problems);
		for (int i = 0; i < verdicts.size(); i++) {
			StationImportRow row = ledger.rows.get(i);
			for (Violation violation : verdicts.get(i).violations()) {
				String column = LedgerColumn.forField(violation.field()).map(ledger.headings::get).orElse(null);
				problems.add(new ImportProblem(row.line(), column, violation.field(), violation.code(),
						violation.args().stream().map(StationImports::text).toList()));
			}
		}
		problems.sort(Comparator.comparingInt(ImportProblem::line));
		return problems;
	}

	private static String text(Object arg) {
		if (arg instanceof Double number && number == Math.rint(number) && Math.abs(number) < 1e15) {
			return Long.toString(number.longValue());
		}
		return String.valueOf(arg);
	}

	private static int count(List<StationImportVerdict> verdicts, StationImportVerdict.Action action) {
		return (int) verdicts.stream().filter(v -> v.action() == action).count();
	}

	private static String fileName(String fileName) {
		String name = fileName == null ? "" : fileName.strip();
		// a browser may send the whole path it read the file from
		name = name.substring(Math.max(name.lastIndexOf('/'), name.lastIndexOf('\\')) + 1);
		if (name.isEmpty()) {
			throw new InvalidInputException(Violation.of("fileName", "validation.required"));
		}
		if (name.length() > MAX_FILE_NAME || name.chars().anyMatch(Character::isISOControl)) {
			throw new InvalidInputException(Violation.of("fileName", "validation.tooLong", MAX_FILE_NAME));
		}
		return name;
	}

	private static String sha256(byte[] content) {
		try {
			return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(content));
		}
		catch (NoSuchAlgorithmException ex) {
			throw new IllegalStateException(ex);
		}
	}

}
