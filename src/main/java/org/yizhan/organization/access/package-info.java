/**
 * Who a request acts for, and the refusal when the roles are missing.
 */
package org.yizhan.organization.access;
