package org.yizhan.organization.account;

import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.EnumSet;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

import org.yizhan.organization.Organization;
import org.yizhan.organization.OrganizationTree;
import org.yizhan.organization.ChainPlace;
import org.yizhan.organization.Role;
import org.yizhan.platform.InvalidInputException;
import org.yizhan.platform.Violation;
import org.yizhan.platform.web.RequestValues;

import org.springframework.stereotype.Component;

/**
 * Checks an {@link AccountInput} field by field and reports everything wrong at once,
 * stations outside the account's organisation included. Bindings go with their roles:
 * station masters and liaisons need stations, a host account its host, an evaluator its
 * contract's last day; a binding without its role is refused rather than silently kept.
 */
@Component
class AccountInputValidator {

	static final Pattern USERNAME = Pattern.compile("[A-Za-z0-9][A-Za-z0-9._-]{2,63}");

	private static final Pattern MOBILE = Pattern.compile("1[3-9]\\d{9}");

	private static final Pattern ID_NUMBER = Pattern.compile("\\d{17}[\\dX]");

	/**
	 * A plain internet address, {@code local@domain.tld}: what mail servers in China and
	 * abroad accept without surprises. Quoted local parts and addresses without a dot in
	 * the domain are refused on purpose; they are typing mistakes far more often than
	 * real addresses.
	 */
	private static final Pattern EMAIL = Pattern.compile(
			"[A-Za-z0-9._%+\\-]{1,64}@[A-Za-z0-9](?:[A-Za-z0-9\\-]*[A-Za-z0-9])?(?:\\.[A-Za-z0-9](?:[A-Za-z0-9\\-]*[A-Za-z0-9])?)*\\.[A-Za-z]{2,24}");

	/** RFC 5321's limit on a forward path. */
	static final int EMAIL_MAX_LENGTH = 254;

	private static final int[] ID_WEIGHTS = { 7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2 };

	private static final String ID_CHECK_DIGITS = "10X98765432";

	private final OrganizationTree organizations;

	private final AccountRepository accounts;

	AccountInputValidator(OrganizationTree organizations, AccountRepository accounts) {
		this.organizations = organizations;
		this.accounts = accounts;
	}

	/** The username of a new account, stripped; refused unless well-formed. */
	String username(String username, List<Violation> violations) {
		String value = username == null ? "" : username.strip();
		if (value.isEmpty()) {
			violations.add(Violation.of("username", "validation.required"));
		}
		else if (!USERNAME.matcher(value).matches()) {
			violations.add(Violation.of("username", "account.username.format"));
		}
		return value;
	}

	AccountDetails validate(AccountInput input, List<Violation> violations) {
		String displayName = text(input.displayName(), "displayName", 100, true, violations);
		Organization organization = null;
		if (input.organization() == null || input.organization().isBlank()) {
			violations.add(Violation.of("organization", "validation.required"));
		}
		else {
			organization = organizations.findByCode(input.organization()).orElse(null);
			if (organization == null) {
				violations.add(Violation.of("organization", "account.organization.unknown", input.organization()));
			}
		}
		Set<Role> roles = RequestValues.enumValues(Role.class, input.roles(), "roles", violations);
		if (roles.isEmpty() && violations.stream().noneMatch(v -> v.field().equals("roles"))) {
			violations.add(Violation.of("roles", "validation.required"));
		}
		String mobile = text(input.mobilePhone(), "mobilePhone", 11, false, violations);
		if (mobile != null && !MOBILE.matcher(mobile).matches()) {
			violations.add(Violation.of("mobilePhone", "account.mobile.format"));
		}
		String idNumber = text(input.idNumber(), "idNumber", 18, false, violations);
		if (idNumber != null) {
			idNumber = idNumber.toUpperCase(Locale.ROOT);
			if (!validIdNumber(idNumber)) {
				violations.add(Violation.of("idNumber", "account.idNumber.format"));
			}
		}
		String email = email(input.email(), "email", violations);
		Set<Long> stations = stations(input, organization, violations);
		boolean bound = roles.contains(Role.STATION_MASTER) || roles.contains(Role.LIAISON);
		if (bound && stations.isEmpty()) {
			violations.add(Violation.of("stations", "account.binding.stationsRequired"));
		}
		if (!bound && !stations.isEmpty()) {
			violations.add(Violation.of("stations", "account.binding.stationsWithoutRole"));
		}
		String hostName = text(input.hostName(), "hostName", 100, false, violations);
		if (roles.contains(Role.HOST) && hostName == null) {
			violations.add(Violation.of("hostName", "account.binding.hostRequired"));
		}
		if (!roles.contains(Role.HOST) && hostName != null) {
			violations.add(Violation.of("hostName", "account.binding.hostWithoutRole"));
		}
		LocalDate contractEndsOn = null;
		if (input.contractEndsOn() != null && !input.contractEndsOn().isBlank()) {
			try {
				contractEndsOn = LocalDate.parse(input.contractEndsOn().strip());
			}
			catch (DateTimeParseException ex) {
				violations.add(Violation.of("contractEndsOn", "validation.type"));
			}
		}
		if (roles.contains(Role.EVALUATOR) && contractEndsOn == null
				&& violations.stream().noneMatch(v -> v.field().equals("contractEndsOn"))) {
			violations.add(Violation.of("contractEndsOn", "account.binding.contractRequired"));
		}
		if (!roles.contains(Role.EVALUATOR) && contractEndsOn != null) {
			violations.add(Violation.of("contractEndsOn", "account.binding.contractWithoutRole"));
		}
		ChainPlace chainPlace = chainPlace(input.chainPlace(), roles, violations);
		if (!violations.isEmpty()) {
			throw new InvalidInputException(violations);
		}
		return new AccountDetails(displayName, organization.code(), roles.isEmpty() ? Set.of() : EnumSet.copyOf(roles),
				mobile, idNumber, stations, hostName, contractEndsOn, email, chainPlace);
	}

	/**
	 * Where to name the account in its stations' chains: a place whose role it holds
	 * (station master and general station master: STATION_MASTER; liaison: LIAISON).
	 */
	private static ChainPlace chainPlace(String value, Set<Role> roles, List<Violation> violations) {
		if (value == null || value.isBlank()) {
			return null;
		}
		ChainPlace place;
		try {
			place = ChainPlace.valueOf(value.strip());
		}
		catch (IllegalArgumentException ex) {
			violations.add(Violation.of("chainPlace", "validation.unknownValue", value.strip(),
					String.join(", ", Arrays.stream(ChainPlace.values()).map(Enum::name).toList())));
			return null;
		}
		if (!roles.contains(place.role())) {
			violations.add(Violation.of("chainPlace", "account.chainPlace.role"));
			return null;
		}
		return place;
	}

	/**
	 * The stations to bind, by id or by code, each of them in the organisation's subtree;
	 * every one that is not is named (by what was typed) in its own violation.
	 */
	private Set<Long> stations(AccountInput input, Organization organization, List<Violation> violations) {
		Map<Long, String> typed = new LinkedHashMap<>();
		if (input.stations() != null) {
			for (Long station : input.stations()) {
				if (station == null || station <= 0) {
					violations.add(Violation.of("stations", "validation.type"));
				}
				else {
					typed.putIfAbsent(station, station.toString());
				}
			}
		}
		Set<String> codes = new LinkedHashSet<>();
		input.stationCodes().stream().map(String::strip).filter(code -> !code.isEmpty()).forEach(codes::add);
		Map<String, Long> found = accounts.stationIdsByCode(codes);
		for (String code : codes) {
			Long id = found.get(code);
			if (id == null) {
				violations.add(Violation.of("stations", "account.binding.stationOutside", code));
			}
			else {
				typed.putIfAbsent(id, code);
			}
		}
		if (organization != null && !typed.isEmpty()) {
			Set<Long> inSubtree = accounts.stationsInSubtree(typed.keySet(), organization.path());
			typed.forEach((id, asTyped) -> {
				if (!inSubtree.contains(id)) {
					violations.add(Violation.of("stations", "account.binding.stationOutside", asTyped));
				}
			});
		}
		return new HashSet<>(typed.keySet());
	}

	/**
	 * An e-mail address, stripped, or {@code null} when none is given; a malformed one is
	 * refused under {@code field}.
	 */
	static String email(String value, String field, List<Violation> violations) {
		String email = text(value, field, EMAIL_MAX_LENGTH, false, violations);
		if (email != null && !EMAIL.matcher(email).matches()) {
			violations.add(Violation.of(field, "account.email.format"));
		}
		return email;
	}

	/** GB 11643: 17 digits and an ISO 7064 MOD 11-2 check character. */
	static boolean validIdNumber(String id) {
		if (!ID_NUMBER.matcher(id).matches()) {
			return false;
		}
		int sum = 0;
		for (int i = 0; i < 17; i++) {
			sum += (id.charAt(i) - '0') * ID_WEIGHTS[i];
		}
		return ID_CHECK_DIGITS.charAt(sum % 11) == id.charAt(17);
	}

	private static String text(String value, String field, int maxLength, boolean required,
			List<Violation> violations) {
		String stripped = value == null ? "" : value.strip();
		if (stripped.isEmpty()) {
			if (required) {
				violations.add(Violation.of(field, "validation.required"));
			}
			return null;
		}
		if (stripped.length() > maxLength) {
			violations.add(Violation.of(field, "validation.tooLong", maxLength));
		}
		if (stripped.chars().anyMatch(Character::isISOControl)) {
			violations.add(Violation.of(field, "validation.controlCharacters"));
		}
		return stripped;
	}

}
