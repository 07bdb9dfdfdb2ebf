package org.yizhan.dataio;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.Charset;
import java.util.ArrayList;
import java.util.List;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * Reading a ledger before the registry sees it: columns by heading in either language,
 * catalogue labels, cells that cannot be read named by row and column, and files that are
 * refused whole.
 */
class StationLedgerTests {

	@Test
	void anXlsxLedgerIsReadByItsHeadingsWithRowNumbersAsTheSpreadsheetShowsThem() {
		List<List<String>> rows = new ArrayList<>();
		rows.add(Ledgers.HEADINGS);
		rows.add(Ledgers.row("文三路驿站", "工商银行", 30.2795, 120.1300));
		rows.add(List.of());
		rows.add(Ledgers.row("古墩路驿站", "农业银行", 30.2900, 120.1000));
		StationLedger ledger = StationLedger.read(StationLedger.Format.XLSX, Ledgers.xlsx(rows));

		assertThat(ledger.rows).hasSize(2);
		assertThat(ledger.rows.get(0).line()).isEqualTo(2);
		assertThat(ledger.rows.get(1).line()).as("the blank row keeps its number").isEqualTo(4);
		assertThat(ledger.rows.get(0).input().hostType()).isEqualTo("BANK");
		assertThat(ledger.rows.get(0).input().amenities()).containsExactly("DRINKING_WATER", "TOILET");
		assertThat(ledger.rows.get(0).input().lat()).isEqualTo(30.2795);
		assertThat(ledger.problems).isEmpty();
	}

	@Test
	void cellsThatCannotBeReadAreNamedByRowAndColumnAndTheRowGoesNoFurther() {
		List<String> bad = new ArrayList<>(Ledgers.row("坏行", "银行", 30.28, 120.13));
		bad.set(5, "北纬三十度");
		bad.set(4, "银行大厅");
		byte[] csv = Ledgers.csv(List.of(Ledgers.HEADINGS, bad));

		StationLedger ledger = StationLedger.read(StationLedger.Format.CSV, csv);

		assertThat(ledger.rows).isEmpty();
		assertThat(ledger.unreadableRows).isEqualTo(1);
		assertThat(ledger.problems).extracting(ImportProblem::line, ImportProblem::column, ImportProblem::code)
			.containsExactlyInAnyOrder(org.assertj.core.groups.Tuple.tuple(2, "纬度", "dataio.import.number"),
					org.assertj.core.groups.Tuple.tuple(2, "承建单位类型", "dataio.import.unknownEntry"));
	}

	@Test
	void englishHeadingsAndAGb18030CsvAsExcelSavesItOnAChineseDeskAreRead() {
		String text = "Name,Address,District code,Host,Host type,Latitude,Longitude,Opening hours\r\n"
				+ "文三路驿站,文三路 1 号,330106,工商银行,Bank,30.2795,120.13,24/7\r\n";
		StationLedger ledger = StationLedger.read(StationLedger.Format.CSV, text.getBytes(Charset.forName("GB18030")));

		assertThat(ledger.rows).singleElement().satisfies(row -> {
			assertThat(row.input().name()).isEqualTo("文三路驿站");
			assertThat(row.input().hostType()).isEqualTo("BANK");
		});
	}

	@Test
	void aLedgerWithoutARequiredColumnIsRefusedNamingTheColumn() {
		byte[] csv = Ledgers.csv(List.of(List.of("站点名称", "地址"), List.of("a", "b")));

		assertThatThrownBy(() -> StationLedger.read(StationLedger.Format.CSV, csv))
			.isInstanceOfSatisfying(StationLedger.LedgerRefusedException.class, ex -> {
				assertThat(ex.code).isEqualTo("dataio.import.missingColumns");
				assertThat(ex.args.get(0)).contains("纬度 / Latitude").contains("区县代码 / District code");
			});
	}

	@Test
	void aZipBombDisguisedAsXlsxIsRefusedBeforeAnyReaderUnpacksIt() throws IOException {
		ByteArrayOutputStream packed = new ByteArrayOutputStream();
		try (ZipOutputStream zip = new ZipOutputStream(packed)) {
			zip.putNextEntry(new ZipEntry("xl/worksheets/sheet1.xml"));
			byte[] zeros = new byte[1 << 20];
			for (int i = 0; i < 200; i++) {
				zip.write(zeros);
			}
			zip.closeEntry();
		}
		byte[] bomb = packed.toByteArray();
		assertThat(bomb.length).as("200 MB packed small").isLessThan(1 << 20);
		assertThat(StationLedger.Format.of("ledger.xlsx", bomb)).contains(StationLedger.Format.XLSX);

		assertThatThrownBy(() -> StationLedger.read(StationLedger.Format.XLSX, bomb)).isInstanceOfSatisfying(
				StationLedger.LedgerRefusedException.class,
				ex -> assertThat(ex.code).isEqualTo("dataio.import.tooLargeUnpacked"));
	}

	@Test
	void aFileThatIsNoSpreadsheetHasNoFormat() {
		assertThat(StationLedger.Format.of("photo.jpg", new byte[] { (byte) 0xFF, (byte) 0xD8, (byte) 0xFF, 0, 0, 0 }))
			.isEmpty();
		assertThat(StationLedger.Format.of("old.xls", new byte[] { (byte) 0xD0, (byte) 0xCF, 0x11, (byte) 0xE0,
				(byte) 0xA1, (byte) 0xB1, 0x1A, (byte) 0xE1 }))
			.as("a binary .xls is not read")
			.isEmpty();
	}

	@Test
	void theWorkbookWriterNeutralisesCellsASpreadsheetWouldRun() {
		byte[] xlsx = Ledgers.xlsx(List.of(Ledgers.HEADINGS, List.of("=HYPERLINK(\"http://x\")", "@SUM(A1)", "-1+2")));
		StationLedger ledger = StationLedger.read(StationLedger.Format.XLSX, xlsx);

		assertThat(ledger.rows).singleElement().satisfies(row -> {
			assertThat(row.input().name()).isEqualTo("'=HYPERLINK(\"http://x\")");
			assertThat(row.input().address()).isEqualTo("'@SUM(A1)");
		});
	}

}
