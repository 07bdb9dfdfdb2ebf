package org.yizhan.organization;

import java.util.Objects;
import java.util.Optional;

/**
 * A union organisation, identified by the six-digit division code of the area it serves
 * ({@code 330100} is 杭州市总工会, {@code 330106} is 西湖区总工会).
 *
 * @param code the division code (national: {@code 100000})
 * @param name the union's name, e.g. 西湖区总工会
 * @param kind the tier in the tree
 * @param parentCode the code of the parent union, {@code null} for the national
 * federation
 * @param path the codes from the root down, separated by {@code /}; a subtree is a prefix
 * of it
 */
public record Organization(String code, String name, OrganizationKind kind, String parentCode, String path) {

	public Organization {
		Objects.requireNonNull(code, "code");
		Objects.requireNonNull(name, "name");
		Objects.requireNonNull(kind, "kind");
		Objects.requireNonNull(path, "path");
	}

	/** Whether {@code other} is this organisation or lies below it. */
	public boolean contains(Organization other) {
		return other.path.equals(path) || other.path.startsWith(path + "/");
	}

	/**
	 * The code of this union's child on the way down to {@code descendantPath}, for
	 * summing a district's figures into the child union that holds it.
	 * @return empty for this union's own path or one outside its subtree
	 */
	public Optional<String> childTowards(String descendantPath) {
		if (!descendantPath.startsWith(path + "/")) {
			return Optional.empty();
		}
		String below = descendantPath.substring(path.length() + 1);
		int slash = below.indexOf('/');
		return Optional.of((slash < 0) ? below : below.substring(0, slash));
	}

	/**
	 * The name of the area the union serves, as people name a place: its name without the
	 * "总工会" the imported tree gives every geographic union (西湖区总工会 → 西湖区).
	 */
	public String areaName() {
		return name.endsWith(UNION_SUFFIX) && name.length() > UNION_SUFFIX.length()
				? name.substring(0, name.length() - UNION_SUFFIX.length()) : name;
	}

	private static final String UNION_SUFFIX = "总工会";

	public boolean isDistrict() {
		return kind == OrganizationKind.DISTRICT;
	}

}
