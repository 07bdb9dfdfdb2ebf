package org.yizhan.organization.account.web;

import java.util.ArrayList;
import java.util.List;

import org.yizhan.organization.Role;
import org.yizhan.organization.account.Account;
import org.yizhan.organization.account.AccountInput;
import org.yizhan.organization.account.BoundStation;

/**
 * The console's account form. Personal data fields left empty on an edit keep the stored
 * values, which the form never shows in full. Stations are typed (or picked from a
 * search) by code, separated by commas or spaces.
 */
class AccountForm {

	private String username;

	private String displayName;

	private String organization;

	private List<String> roles = new ArrayList<>();

	private String mobilePhone;

	private String idNumber;

	private String email;

	private String stations;

	private String hostName;

	private String contractEndsOn;

	/**
	 * Where to name the account in its stations' responsibility chains; empty: nowhere.
	 */
	private String chainPlace;

	private Long version;

	static AccountForm empty(String organization) {
		AccountForm form = new AccountForm();
		form.organization = organization;
		return form;
	}

	static AccountForm of(Account account, List<BoundStation> bound) {
		AccountForm form = new AccountForm();
		form.username = account.username();
		form.displayName = account.displayName();
		form.organization = account.organizationCode();
		form.roles = new ArrayList<>(account.roles().stream().map(Role::name).sorted().toList());
		form.stations = String.join(", ", bound.stream().map(BoundStation::code).toList());
		form.hostName = account.hostName();
		form.contractEndsOn = account.contractEndsOn() == null ? null : account.contractEndsOn().toString();
		form.version = account.version();
		return form;
	}

	/**
	 * @param keepMobile the stored mobile in clear, used when the field is left empty
	 * @param keepIdNumber likewise for the ID number
	 * @param keepEmail likewise for the e-mail address
	 */
	AccountInput toInput(String keepMobile, String keepIdNumber, String keepEmail) {
		List<Long> stationIds = new ArrayList<>();
		List<String> stationCodes = new ArrayList<>();
		if (stations != null) {
			for (String part : stations.split("[,，、;；\\s]+")) {
				if (part.isBlank()) {
					continue;
				}
				// What people type is the code (330106-0001); a plain number is the id
				// older bookmarks and the API use.
				if (part.strip().matches("\\d{1,18}")) {
					stationIds.add(Long.valueOf(part.strip()));
				}
				else {
					stationCodes.add(part.strip());
				}
			}
		}
		return new AccountInput(username, displayName, organization, roles,
				blank(mobilePhone) ? keepMobile : mobilePhone, blank(idNumber) ? keepIdNumber : idNumber, stationIds,
				hostName, contractEndsOn, blank(email) ? keepEmail : email, stationCodes, chainPlace);
	}

	public boolean has(String role) {
		return roles != null && roles.contains(role);
	}

	private static boolean blank(String value) {
		return value == null || value.isBlank();
	}

	public String getChainPlace() {
		return chainPlace;
	}

	public void setChainPlace(String chainPlace) {
		this.chainPlace = chainPlace;
	}

	public String getUsername() {
		return username;
	}

	public void setUsername(String username) {
		this.username = username;
	}

	public String getDisplayName() {
		return displayName;
	}

	public void setDisplayName(String displayName) {
		this.displayName = displayName;
	}

	public String getOrganization() {
		return organization;
	}

	public void setOrganization(String organization) {
		this.organization = organization;
	}

	public List<String> getRoles() {
		return roles;
	}

	public void setRoles(List<String> roles) {
		this.roles = roles == null ? new ArrayList<>() : roles;
	}

	public String getMobilePhone() {
		return mobilePhone;
	}

	public void setMobilePhone(String mobilePhone) {
		this.mobilePhone = mobilePhone;
	}

	public String getIdNumber() {
		return idNumber;
	}

	public void setIdNumber(String idNumber) {
		this.idNumber = idNumber;
	}

	public String getEmail() {
		return email;
	}

	public void setEmail(String email) {
		this.email = email;
	}

	public String getStations() {
		return stations;
	}

	public void setStations(String stations) {
		this.stations = stations;
	}

	public String getHostName() {
		return hostName;
	}

	public void setHostName(String hostName) {
		this.hostName = hostName;
	}

	public String getContractEndsOn() {
		return contractEndsOn;
	}

	public void setContractEndsOn(String contractEndsOn) {
		this.contractEndsOn = contractEndsOn;
	}

	public Long getVersion() {
		return version;
	}

	public void setVersion(Long version) {
		this.version = version;
	}

}
