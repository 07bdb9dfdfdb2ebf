package org.yizhan.support;

import java.util.Set;
import java.util.TreeSet;

import org.springframework.context.ApplicationContext;
import org.springframework.util.ClassUtils;

/**
 * Which application modules a Spring context holds beans of: what a module test has
 * started, to compare with what the module declares.
 */
public final class ModuleBeans {

	private static final String ROOT = "org.yizhan.";

	private ModuleBeans() {
	}

	/** The modules ({@code station}, {@code platform}, …) with at least one bean. */
	public static Set<String> modulesWithBeans(ApplicationContext context) {
		Set<String> modules = new TreeSet<>();
		for (String name : context.getBeanDefinitionNames()) {
			Class<?> type = context.getType(name, false);
			if (type == null) {
				continue;
			}
			String packageName = ClassUtils.getUserClass(type).getPackageName();
			if (packageName.startsWith(ROOT)) {
				String module = packageName.substring(ROOT.length()).split("\\.")[0];
				if (!module.equals("support")) {
					modules.add(module);
				}
			}
		}
		return modules;
	}

}
