package org.yizhan.dataio.web;

import java.io.IOException;
import java.io.OutputStream;
import java.util.ArrayList;
import java.util.List;

import jakarta.servlet.http.HttpServletResponse;
import org.yizhan.dataio.ImportMode;
import org.yizhan.dataio.ImportReport;
import org.yizhan.dataio.SheetWriter;
import org.yizhan.dataio.StationImports;
import org.yizhan.platform.ConflictException;
import org.yizhan.platform.InvalidInputException;
import org.yizhan.platform.web.ConsoleMessages;

import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.http.ContentDisposition;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * The import pages: upload a ledger (sent as the request body by the page's script, so
 * that a 64 MB file is not held to the container's multipart limit for photos), read its
 * check, import it.
 */
@Controller
class StationImportConsoleController {

	private static final String PAGE = "/console/imports/stations";

	private final StationImports imports;

	private final ConsoleMessages messages;

	StationImportConsoleController(StationImports imports, ConsoleMessages messages) {
		this.imports = imports;
		this.messages = messages;
	}

	@GetMapping(PAGE)
	String list(Model model) {
		model.addAttribute("imports", this.imports.listRecent());
		model.addAttribute("headings", this.imports.headings(LocaleContextHolder.getLocale()));
		return "dataio/console/imports";
	}

	@PostMapping(PAGE)
	String check(@RequestParam(required = false) String fileName, @RequestBody(required = false) byte[] content,
			RedirectAttributes redirect) {
		try {
			ImportReport report = this.imports.check(fileName, content);
			return "redirect:" + PAGE + "/" + report.id();
		}
		catch (InvalidInputException ex) {
			redirect.addFlashAttribute("problems", this.messages.lines(ex.violations()));
			return "redirect:" + PAGE;
		}
	}

	@GetMapping(PAGE + "/{id}")
	String show(@PathVariable long id, Model model) {
		ImportReport report = this.imports.get(id);
		model.addAttribute("report", report);
		model.addAttribute("problemRows",
				report.problems().stream().map(p -> ImportJson.problem(p, this.messages)).toList());
		return "dataio/console/import";
	}

	@PostMapping(PAGE + "/{id}")
	String importChecked(@PathVariable long id, @RequestParam(required = false) ImportMode mode,
			RedirectAttributes redirect) {
		try {
			ImportReport report = this.imports.importChecked(id, mode);
			redirect.addFlashAttribute("imported", this.messages.text("dataio.import.imported", report.createCount(),
					report.reviseCount(), report.unchangedCount()));
		}
		catch (InvalidInputException ex) {
			redirect.addFlashAttribute("problems", this.messages.lines(ex.violations()));
		}
		catch (ConflictException ex) {
			redirect.addFlashAttribute("problems", List.of(this.messages.text(ex)));
		}
		return "redirect:" + PAGE + "/" + id;
	}

	@GetMapping(PAGE + "/{id}/problems.xlsx")
	void downloadProblems(@PathVariable long id, HttpServletResponse response) throws IOException {
		this.imports.get(id);
		response.setContentType("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet");
		response.setHeader("Content-Disposition",
				ContentDisposition.attachment().filename("import-" + id + "-problems.xlsx").build().toString());
		try (OutputStream out = response.getOutputStream(); SheetWriter sheet = new SheetWriter(out, "problems")) {
			sheet.row(List.of(this.messages.text("dataio.import.line"), this.messages.text("dataio.import.column"),
					this.messages.text("dataio.import.reason")));
			this.imports.forEachProblem(id, problem -> {
				ImportJson.ProblemJson row = ImportJson.problem(problem, this.messages);
				List<String> cells = new ArrayList<>();
				cells.add(Integer.toString(row.row()));
				cells.add(row.column() == null ? this.messages.text("dataio.import.wholeRow") : row.column());
				cells.add(row.message());
				sheet.row(cells);
			});
		}
	}

}
