-- The audit log's filter offers the actions recorded so far as a drop-down; each is found with one
-- probe of this index (a loose index scan in AuditLog.listActions), not a scan of the whole log.
create index audit_entry_action_idx on audit_entry (action);
