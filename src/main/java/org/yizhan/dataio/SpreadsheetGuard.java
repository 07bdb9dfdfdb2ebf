package org.yizhan.dataio;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Enumeration;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;

/**
 * Refuses an xlsx that would unpack into more than a ledger can be (a zip bomb) before
 * any reader looks inside: every entry is inflated once, counting bytes, and the count
 * stops the moment it passes {@link #MAX_UNPACKED_BYTES} or an entry passes
 * {@link #MAX_RATIO} times its packed size. The sizes the archive declares are not
 * trusted: they are what a bomb lies about. Inflating costs a second for the largest
 * ledger and no memory beyond one buffer.
 */
final class SpreadsheetGuard {

	/** A 300,000-row ledger's sheet unpacks to a few hundred megabytes. */
	static final long MAX_UNPACKED_BYTES = 1L << 30;

	/** Real sheets pack 5–30 to one; a bomb packs a thousand to one and more. */
	static final long MAX_RATIO = 200;

	/** Packed entries smaller than this are not held to the ratio (tiny XML parts). */
	private static final long RATIO_FLOOR = 64 * 1024;

	static final int MAX_ENTRIES = 10_000;

	private SpreadsheetGuard() {
	}

	static void requireSafe(byte[] content) {
		Path file = null;
		try {
			file = Files.createTempFile("yizhan-ledger", ".xlsx");
			Files.write(file, content);
			inspect(file, content.length);
		}
		catch (IOException ex) {
			throw new StationLedger.LedgerRefusedException("dataio.import.unreadable");
		}
		finally {
			if (file != null) {
				try {
					Files.deleteIfExists(file);
				}
				catch (IOException ex) {
					// a temporary file left behind is removed with the temporary folder
				}
			}
		}
	}

	private static void inspect(Path file, long packedTotal) throws IOException {
		byte[] buffer = new byte[64 * 1024];
		long unpacked = 0;
		int entries = 0;
		try (ZipFile zip = new ZipFile(file.toFile())) {
			Enumeration<? extends ZipEntry> all = zip.entries();
			while (all.hasMoreElements()) {
				ZipEntry entry = all.nextElement();
				if (++entries > MAX_ENTRIES) {
					throw bomb();
				}
				long packed = Math.max(entry.getCompressedSize(), 1);
				long entryBytes = 0;
				try (InputStream in = zip.getInputStream(entry)) {
					int n;
					while ((n = in.read(buffer)) > 0) {
						entryBytes += n;
						unpacked += n;
						if (unpacked > MAX_UNPACKED_BYTES
								|| (entryBytes > RATIO_FLOOR && entryBytes / packed > MAX_RATIO)) {
							throw bomb();
						}
					}
				}
			}
		}
	}

	private static StationLedger.LedgerRefusedException bomb() {
		return new StationLedger.LedgerRefusedException("dataio.import.tooLargeUnpacked", MAX_UNPACKED_BYTES >> 20,
				MAX_RATIO);
	}

}
