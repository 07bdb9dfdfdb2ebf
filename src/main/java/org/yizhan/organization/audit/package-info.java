/**
 * The audit log: every state-changing action recorded in the transaction of the change,
 * append-only at the database, kept for its retention, read by auditors and admins.
 */
package org.yizhan.organization.audit;
