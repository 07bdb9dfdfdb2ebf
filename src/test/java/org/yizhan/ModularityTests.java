package org.yizhan;

import org.junit.jupiter.api.Test;

import org.springframework.modulith.core.ApplicationModules;
import org.springframework.modulith.docs.Documenter;

/**
 * Keeps the module boundaries of ARCHITECTURE.md honest: a module reaches another only
 * through the types at its package root, and no cycles. Also writes the module diagram
 * into the docs.
 */
class ModularityTests {

	static final ApplicationModules modules = ApplicationModules.of(YizhanApplication.class);

	@Test
	void modulesOnlyUseEachOthersPublicApiAndHaveNoCycles() {
		modules.verify();
	}

	@Test
	void writesTheModuleDiagramIntoTheDocs() {
		new Documenter(modules, Documenter.Options.defaults().withOutputFolder("docs/modules")).writeModulesAsPlantUml()
			.writeIndividualModulesAsPlantUml()
			.writeModuleCanvases();
	}

}
