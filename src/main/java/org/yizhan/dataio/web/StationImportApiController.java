package org.yizhan.dataio.web;

import java.net.URI;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.yizhan.dataio.ImportMode;
import org.yizhan.dataio.StationImports;
import org.yizhan.platform.web.ApiController;
import org.yizhan.platform.web.ConsoleMessages;

import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;

/** Station ledgers for systems: check a file, read the check, import it. */
@ApiController("/api/v1")
@Tag(name = "Imports", description = "驿站台账导入：先检查（逐行逐列列出问题），再整体导入")
class StationImportApiController {

	private final StationImports imports;

	private final ConsoleMessages messages;

	StationImportApiController(StationImports imports, ConsoleMessages messages) {
		this.imports = imports;
		this.messages = messages;
	}

	@PostMapping("/imports/stations")
	@Operation(summary = "Check a station ledger (union admins); nothing is imported yet",
			description = "The body is the file itself (xlsx, or CSV in UTF-8 or GB18030), up to 64 MB and 300,000 "
					+ "rows; fileName names it. 201 with every problem by row and column (the first 500 here); "
					+ "400 for a file that is no ledger.")
	ResponseEntity<ImportJson> check(@RequestParam(required = false) String fileName,
			@RequestBody(required = false) byte[] content) {
		ImportJson json = ImportJson.of(this.imports.check(fileName, content), this.messages);
		return ResponseEntity.created(URI.create("/api/v1/imports/stations/" + json.id())).body(json);
	}

	@GetMapping("/imports/stations/{id}")
	@Operation(summary = "A check or import of the caller's subtree (union admins)")
	ImportJson get(@PathVariable long id) {
		return ImportJson.of(this.imports.get(id), this.messages);
	}

	@PostMapping("/imports/stations/{id}/import")
	@Operation(summary = "Import a checked ledger in one transaction (union admins)",
			description = "mode=ALL imports every row or none (409 while any row has a problem); mode=VALID_ROWS "
					+ "leaves out the rows with problems. 409 when already imported or another import of the "
					+ "union is running.")
	ImportJson importChecked(@PathVariable long id, @RequestParam(required = false) ImportMode mode) {
		return ImportJson.of(this.imports.importChecked(id, mode), this.messages);
	}

}
