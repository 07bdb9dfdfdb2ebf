package org.yizhan.station.photo;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;

import com.google.common.jimfs.Configuration;
import com.google.common.jimfs.Jimfs;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.yizhan.platform.BusyException;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class FileSystemPhotoStorageTests {

	@TempDir
	Path root;

	@Test
	void aStoredPhotoReadsBackAsImageAndThumbnail() {
		FileSystemPhotoStorage storage = new FileSystemPhotoStorage(this.root.resolve("photos"));
		ProcessedPhoto photo = photo("image bytes", "thumbnail bytes");

		String key = storage.store(photo);

		assertThat(storage.read(key, false)).hasValueSatisfying(bytes -> assertThat(bytes).isEqualTo(photo.image()));
		assertThat(storage.read(key, true)).hasValueSatisfying(bytes -> assertThat(bytes).isEqualTo(photo.thumbnail()));
	}

	@Test
	void theKeyIsTheImageHashFannedOutByItsFirstTwoDigits() {
		ProcessedPhoto photo = photo("image bytes", "thumbnail bytes");

		String key = new FileSystemPhotoStorage(this.root).store(photo);

		assertThat(key).isEqualTo(photo.sha256().substring(0, 2) + "/" + photo.sha256());
		assertThat(this.root.resolve(key.substring(0, 2)).resolve(photo.sha256() + ".jpg")).exists();
	}

	@Test
	void storingTheSameContentTwiceGivesTheSameKeyAndOneCopy() throws Exception {
		FileSystemPhotoStorage storage = new FileSystemPhotoStorage(this.root);

		String first = storage.store(photo("same", "thumb"));
		String second = storage.store(photo("same", "thumb"));

		assertThat(second).isEqualTo(first);
		assertThat(filesUnderRoot()).hasSize(2); // image and thumbnail, no leftover
													// temporary files
	}

	@Test
	void differentContentGetsDifferentKeys() {
		FileSystemPhotoStorage storage = new FileSystemPhotoStorage(this.root);

		assertThat(storage.store(photo("one", "t"))).isNotEqualTo(storage.store(photo("two", "t")));
	}

	@Test
	void aDeletedPhotoIsGoneWithItsThumbnail() throws Exception {
		FileSystemPhotoStorage storage = new FileSystemPhotoStorage(this.root);
		String key = storage.store(photo("image bytes", "thumbnail bytes"));

		storage.delete(key);

		assertThat(storage.read(key, false)).isEmpty();
		assertThat(storage.read(key, true)).isEmpty();
		assertThat(filesUnderRoot()).isEmpty();
	}

	@Test
	void deletingOrReadingAPhotoThatWasNeverStoredIsHarmless() {
		FileSystemPhotoStorage storage = new FileSystemPhotoStorage(this.root);
		String key = photo("never stored", "t").sha256().substring(0, 2) + "/" + photo("never stored", "t").sha256();

		storage.delete(key);

		assertThat(storage.read(key, false)).isEmpty();
	}

	@ParameterizedTest
	@ValueSource(strings = { "../x", "..", "ab/../../etc/passwd", "/etc/passwd", "ab/..",
			"../0000000000000000000000000000000000000000000000000000000000000000", "ab\\..\\..\\x", "", "AB/ABCDEF",
			"ab/ab", "ab/ab%2e%2e" })
	void keysThatAreNotOursAreRejectedBeforeTouchingTheDisk(String key) {
		FileSystemPhotoStorage storage = new FileSystemPhotoStorage(this.root);

		assertThatIllegalArgumentException().isThrownBy(() -> storage.read(key, false));
		assertThatIllegalArgumentException().isThrownBy(() -> storage.delete(key));
	}

	@Test
	void aWellFormedKeyWhosePrefixDoesNotMatchItsHashIsRejected() {
		String hash = photo("x", "t").sha256();
		String otherPrefix = (hash.startsWith("00") ? "11" : "00") + "/" + hash;

		assertThatIllegalArgumentException()
			.isThrownBy(() -> new FileSystemPhotoStorage(this.root).read(otherPrefix, false));
	}

	@Test
	void aPhotoWhoseHashDoesNotMatchItsImageCannotBeBuilt() {
		String hashOfSomethingElse = photo("other", "t").sha256();

		assertThatThrownBy(() -> new ProcessedPhoto("image".getBytes(), "t".getBytes(), 1, 1, hashOfSomethingElse))
			.isInstanceOf(IllegalArgumentException.class);
	}

	/**
	 * The photo folder runs out of space (a file system of 64 KB, in memory): the upload
	 * is the server's trouble, answered 503 with Retry-After (BusyException), and nothing
	 * of it stays, no temporary file and no image without its thumbnail; once there is
	 * room again the same photo stores normally.
	 */
	@Test
	void aFullDiskKeepsNothingOfThePhotoAndAsksTheUploaderToComeBack() throws Exception {
		try (java.nio.file.FileSystem disk = Jimfs.newFileSystem(
				Configuration.unix().toBuilder().setBlockSize(4096).setMaxSize(64 * 1024).setMaxCacheSize(0).build())) {
			Path photos = disk.getPath("/photos");
			FileSystemPhotoStorage storage = new FileSystemPhotoStorage(photos);
			byte[] filler = new byte[40 * 1024];
			Files.createDirectories(photos);
			Files.write(photos.resolve("filler"), filler);
			ProcessedPhoto photo = new ProcessedPhoto(new byte[32 * 1024], new byte[4 * 1024], 10, 10,
					Sha256.hex(new byte[32 * 1024]));

			assertThatThrownBy(() -> storage.store(photo)).isInstanceOfSatisfying(BusyException.class, busy -> {
				assertThat(busy.messageCode()).isEqualTo("photo.storageUnwritable");
				assertThat(busy.retryAfter()).isEqualTo(FileSystemPhotoStorage.RETRY_WHEN_UNWRITABLE);
			});
			try (Stream<Path> files = Files.walk(photos)) {
				assertThat(files.filter(Files::isRegularFile).map(file -> file.getFileName().toString()))
					.containsExactly("filler");
			}

			Files.delete(photos.resolve("filler"));
			String key = storage.store(photo);
			assertThat(storage.read(key, false)).hasValueSatisfying(bytes -> assertThat(bytes).hasSize(32 * 1024));
		}
	}

	private java.util.List<Path> filesUnderRoot() throws Exception {
		try (Stream<Path> files = Files.walk(this.root)) {
			return files.filter(Files::isRegularFile).toList();
		}
	}

	private static ProcessedPhoto photo(String image, String thumbnail) {
		byte[] imageBytes = image.getBytes();
		return new ProcessedPhoto(imageBytes, thumbnail.getBytes(), 10, 10, Sha256.hex(imageBytes));
	}

}
