package org.yizhan.coverage;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * The São José dos Campos MCLP instances (Lorena and Pereira 2002) and their proven
 * optima, read from {@code ../shared/data/mclp}. They are CC BY-NC-SA and therefore not
 * in this repository: tests that use them skip when the folder is absent.
 */
final class SjcInstances {

	static final Path DEFAULT_FOLDER = Path.of("..", "shared", "data", "mclp");

	static final List<String> OPTIMA_FILES = List.of("sjc_mclp_optima_highs.csv",
			"sjc_mclp_optima_highs_small_radius.csv");

	private SjcInstances() {
	}

	static boolean present(Path folder) {
		return OPTIMA_FILES.stream().allMatch((name) -> Files.isRegularFile(folder.resolve(name)))
				&& Files.isDirectory(folder.resolve("SJC"));
	}

	/** Every listed setting of both optima files, in file order. */
	static List<Setting> settings(Path folder) {
		Map<String, double[][]> nodes = new TreeMap<>();
		List<Setting> settings = new ArrayList<>();
		for (String file : OPTIMA_FILES) {
			List<String> lines = readLines(folder.resolve(file));
			List<String> header = List.of(lines.get(0).split(","));
			int instance = header.indexOf("instance");
			int radius = header.indexOf("S");
			int p = header.indexOf("p");
			int optimum = header.indexOf("optimal_coverage");
			int total = header.indexOf("total_demand");
			int mipGap = header.indexOf("mip_gap");
			for (String line : lines.subList(1, lines.size())) {
				if (line.isBlank()) {
					continue;
				}
				String[] cells = line.split(",");
				String name = cells[instance];
				double[][] points = nodes.computeIfAbsent(name,
						(n) -> readNodes(folder.resolve("SJC").resolve(n + ".txt")));
				settings.add(new Setting(name, points, Double.parseDouble(cells[radius]), Integer.parseInt(cells[p]),
						Double.parseDouble(cells[optimum]), Double.parseDouble(cells[total]),
						Double.parseDouble(cells[mipGap])));
			}
		}
		return settings;
	}

	/** Line 1 is a placeholder header; then {@code x y demand} per node. */
	static double[][] readNodes(Path file) {
		List<String> lines = readLines(file);
		List<double[]> nodes = new ArrayList<>();
		for (String line : lines.subList(1, lines.size())) {
			String[] cells = line.trim().split("\\s+");
			if (cells.length >= 3) {
				nodes.add(new double[] { Double.parseDouble(cells[0]), Double.parseDouble(cells[1]),
						Double.parseDouble(cells[2]) });
			}
		}
		return nodes.toArray(double[][]::new);
	}

	private static List<String> readLines(Path file) {
		try {
			return Files.readAllLines(file);
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	/**
	 * One (instance, S, p) with its optimum; {@code mipGap} is non-zero where the MIP
	 * solver stopped short of a proof, so the optimum is a lower bound of the true one.
	 */
	record Setting(String instance, double[][] nodes, double radiusMeters, int p, double optimum, double totalDemand,
			double mipGap) {

		/** Every node is a demand point and a candidate, with no existing facility. */
		SiteSelectionProblem problem() {
			SiteSelectionProblem.Builder builder = SiteSelectionProblem.onPlane()
				.radiusMeters(this.radiusMeters)
				.p(this.p);
			for (double[] node : this.nodes) {
				builder.demand(node[0], node[1], node[2]).candidate(node[0], node[1]);
			}
			return builder.build();
		}

		/** Relative shortfall of a covered weight from the optimum. */
		double gap(double covered) {
			return (this.optimum - covered) / this.optimum;
		}

	}

}
