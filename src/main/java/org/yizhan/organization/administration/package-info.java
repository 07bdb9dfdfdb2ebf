/**
 * Editing the union tree: streets loaded on demand or added by hand, industry unions,
 * renames and district merges, each kept in the organisation's history and audited.
 */
package org.yizhan.organization.administration;
