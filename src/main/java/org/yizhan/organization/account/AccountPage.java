package org.yizhan.organization.account;

import java.util.List;

/** One page of accounts and the total over all pages. */
public record AccountPage(List<Account> accounts, int page, int size, long total) {

	public long pages() {
		return size == 0 ? 0 : (total + size - 1) / size;
	}

}
