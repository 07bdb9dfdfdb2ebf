package org.yizhan.platform;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.List;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class CsvTests {

	@Test
	void splitsRowsIntoFields() {
		assertThat(Csv.parse("code,name\n330106,西湖区\n")).containsExactly(List.of("code", "name"),
				List.of("330106", "西湖区"));
	}

	@Test
	void keepsCommasInsideQuotes() {
		assertThat(Csv.parse("330106,\"西湖区, 杭州\",3301")).containsExactly(List.of("330106", "西湖区, 杭州", "3301"));
	}

	@Test
	void readsDoubledQuotesAsOneQuote() {
		assertThat(Csv.parse("\"他说\"\"你好\"\"\",x")).containsExactly(List.of("他说\"你好\"", "x"));
	}

	@Test
	void aFieldOfOnlyADoubledQuoteIsOneQuote() {
		assertThat(Csv.parse("a,\"\"\"\",b")).containsExactly(List.of("a", "\"", "b"));
	}

	@Test
	void endsRowsAtCrlfAsAtLf() {
		assertThat(Csv.parse("a,b\r\nc,d\r\n")).containsExactly(List.of("a", "b"), List.of("c", "d"));
		assertThat(Csv.parse("a,b\r\nc,d\ne,f")).containsExactly(List.of("a", "b"), List.of("c", "d"),
				List.of("e", "f"));
	}

	@Test
	void skipsAByteOrderMark() {
		assertThat(Csv.parse("\uFEFFcode,name\n1,x")).containsExactly(List.of("code", "name"), List.of("1", "x"));
	}

	@Test
	void skipsAByteOrderMarkInUtf8Bytes() throws IOException {
		byte[] bytes = "\uFEFF330106,西湖区\r\n".getBytes(StandardCharsets.UTF_8);

		assertThat(Csv.read(new ByteArrayInputStream(bytes))).containsExactly(List.of("330106", "西湖区"));
	}

	@Test
	void keepsLineBreaksInsideQuotes() {
		assertThat(Csv.parse("1,\"第一行\n第二行\",x\n2,\"a\r\nb\",y")).containsExactly(List.of("1", "第一行\n第二行", "x"),
				List.of("2", "a\r\nb", "y"));
	}

	@Test
	void readsTheLastRowWithOrWithoutATrailingNewline() {
		assertThat(Csv.parse("a,b\nc,d")).isEqualTo(Csv.parse("a,b\nc,d\n"))
			.containsExactly(List.of("a", "b"), List.of("c", "d"));
	}

	@Test
	void keepsEmptyFieldsAnywhereInARow() {
		assertThat(Csv.parse(",b,\n,,\na,,c")).containsExactly(List.of("", "b", ""), List.of("", "", ""),
				List.of("a", "", "c"));
	}

	@Test
	void keepsAnEmptyQuotedFieldNextToOthers() {
		assertThat(Csv.parse("a,\"\",c")).containsExactly(List.of("a", "", "c"));
	}

	@Test
	void ignoresBlankLines() {
		assertThat(Csv.parse("a,b\n\n\r\nc,d\n\n")).containsExactly(List.of("a", "b"), List.of("c", "d"));
	}

	@Test
	void readsNothingFromAnEmptyText() {
		assertThat(Csv.parse("")).isEmpty();
		assertThat(Csv.parse("\uFEFF")).isEmpty();
	}

	@Test
	void keepsSpacesAroundUnquotedFields() {
		assertThat(Csv.parse(" a , b ")).containsExactly(List.of(" a ", " b "));
	}

	@Test
	void exportedCellsThatASpreadsheetWouldRunAsFormulasGetAnApostrophe() {
		for (String formula : List.of("=1+1", "+1", "-1", "@SUM(A1)", "\tx", "\rx", "\0x")) {
			assertThat(Csv.neutralise(formula)).as(formula).isEqualTo("'" + formula);
		}
		assertThat(Csv.neutralise("西湖区")).isEqualTo("西湖区");
		assertThat(Csv.neutralise("a=b")).isEqualTo("a=b");
		assertThat(Csv.neutralise(null)).isEmpty();
	}

	@Test
	void anExportedRowReadsBackAsTheNeutralisedCells() {
		String row = Csv.formatRow(List.of("=HYPERLINK(\"http://x\",\"点我\")", "a,b", "line\nbreak", "plain"));

		assertThat(row).endsWith("\r\n");
		assertThat(Csv.parse(row))
			.containsExactly(List.of("'=HYPERLINK(\"http://x\",\"点我\")", "a,b", "line\nbreak", "plain"));
	}

}
