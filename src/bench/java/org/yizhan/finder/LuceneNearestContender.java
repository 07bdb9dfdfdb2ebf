package org.yizhan.finder;

import java.io.IOException;
import java.time.LocalDateTime;
import java.util.Arrays;
import java.util.List;

import org.apache.lucene.document.Document;
import org.apache.lucene.document.Field;
import org.apache.lucene.document.LatLonDocValuesField;
import org.apache.lucene.document.LatLonPoint;
import org.apache.lucene.document.StringField;
import org.apache.lucene.index.DirectoryReader;
import org.apache.lucene.index.IndexWriter;
import org.apache.lucene.index.IndexWriterConfig;
import org.apache.lucene.index.Term;
import org.apache.lucene.sandbox.search.LatLonPointPrototypeQueries;
import org.apache.lucene.search.BooleanClause.Occur;
import org.apache.lucene.search.BooleanQuery;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.ScoreDoc;
import org.apache.lucene.search.Sort;
import org.apache.lucene.search.TermQuery;
import org.apache.lucene.search.TopFieldDocs;
import org.apache.lucene.store.ByteBuffersDirectory;
import org.apache.lucene.store.Directory;

import org.yizhan.calendar.HolidayCalendar;
import org.yizhan.calendar.OpenStatus;
import org.yizhan.geo.GeoPoint;
import org.yizhan.station.Amenity;

/**
 * Lucene 9.12 over the same points, in a {@link ByteBuffersDirectory} force-merged to one
 * segment (so a doc id is the station's position in the dataset, read from an array rather
 * than from stored fields: this favours Lucene).
 *
 * <p>
 * Two ways to ask Lucene the same question:
 * <ul>
 * <li>{@link #nearest}: {@code LatLonPointPrototypeQueries.nearest} (the sandbox's BKD
 * nearest-neighbour search, formerly {@code LatLonPoint.nearest}). It takes no filter and no
 * maximum distance, so it fetches {@code 4k} nearest, post-filters amenity, radius and
 * open-now (evaluated with our compiled hours at the instant, as our index does), and doubles
 * the fetch while fewer than k matched and the fetched ones are all within the radius.</li>
 * <li>{@link #filteredSort}: the filter inside the index: a {@code BooleanQuery} of
 * {@code LatLonPoint.newDistanceQuery} (5 km), a term per amenity and an {@code open_now}
 * term pre-computed for the fixed instant (like the PostGIS column), sorted by
 * {@code LatLonDocValuesField.newDistanceSort}, top k.</li>
 * </ul>
 */
final class LuceneNearestContender implements AutoCloseable {

	private final Directory directory;

	private final DirectoryReader reader;

	private final IndexSearcher searcher;

	private final IndexedStation[] stations;

	private final HolidayCalendar calendar;

	LuceneNearestContender(List<IndexedStation> stations, boolean[] openNow, HolidayCalendar calendar)
			throws IOException {
		this.stations = stations.toArray(IndexedStation[]::new);
		this.calendar = calendar;
		this.directory = new ByteBuffersDirectory();
		try (IndexWriter writer = new IndexWriter(directory, new IndexWriterConfig().setRAMBufferSizeMB(256))) {
			for (int i = 0; i < this.stations.length; i++) {
				IndexedStation station = this.stations[i];
				Document document = new Document();
				document.add(new LatLonPoint("location", station.lat(), station.lon()));
				document.add(new LatLonDocValuesField("location", station.lat(), station.lon()));
				for (Amenity amenity : Amenity.values()) {
					if ((station.amenityBits() & (1L << amenity.ordinal())) != 0) {
						document.add(new StringField("amenity", amenity.name(), Field.Store.NO));
					}
				}
				if (openNow[i]) {
					document.add(new StringField("open_now", "T", Field.Store.NO));
				}
				writer.addDocument(document);
			}
			writer.forceMerge(1);
		}
		this.reader = DirectoryReader.open(directory);
		if (reader.leaves().size() != 1 || reader.maxDoc() != this.stations.length) {
			throw new IllegalStateException("expected one segment with every station");
		}
		this.searcher = new IndexSearcher(reader);
		this.searcher.setQueryCache(null);
	}

	/** Fetch-and-post-filter over the sandbox's nearest neighbours. */
	long[] nearest(double lat, double lon, long amenityMask, double radius, int k,
			LocalDateTime openAt) throws IOException {
		int fetch = 4 * k;
		while (true) {
			TopFieldDocs top = LatLonPointPrototypeQueries.nearest(searcher, "location", lat, lon, fetch);
			long[] found = new long[k];
			int size = 0;
			boolean beyondRadius = false;
			for (ScoreDoc hit : top.scoreDocs) {
				IndexedStation station = stations[hit.doc];
				double distance = GeoPoint.distanceMeters(lat, lon, station.lat(), station.lon());
				if (distance > radius) {
					beyondRadius = true;
					break;
				}
				if ((station.amenityBits() & amenityMask) != amenityMask) {
					continue;
				}
				if (openAt != null && station.schedule().statusAt(openAt, calendar) != OpenStatus.OPEN) {
					continue;
				}
				found[size++] = station.id();
				if (size == k) {
					return found;
				}
			}
			if (beyondRadius || top.scoreDocs.length < fetch) {
				return Arrays.copyOf(found, size);
			}
			fetch *= 2;
		}
	}

	/** The filter as an index query, sorted by distance. */
	long[] filteredSort(double lat, double lon, Amenity amenity, double radius, int k) throws IOException {
		BooleanQuery query = new BooleanQuery.Builder()
			.add(LatLonPoint.newDistanceQuery("location", lat, lon, radius), Occur.FILTER)
			.add(new TermQuery(new Term("amenity", amenity.name())), Occur.FILTER)
			.add(new TermQuery(new Term("open_now", "T")), Occur.FILTER)
			.build();
		TopFieldDocs top = searcher.search(query, k,
				new Sort(LatLonDocValuesField.newDistanceSort("location", lat, lon)));
		long[] found = new long[top.scoreDocs.length];
		for (int i = 0; i < found.length; i++) {
			found[i] = stations[top.scoreDocs[i].doc].id();
		}
		return found;
	}

	@Override
	public void close() throws IOException {
		reader.close();
		directory.close();
	}

}
