-- A campaign's progress and report count its inspections' cases by reference (the inspection and
-- campaign they came from): only inspections' cases carry one worth looking up.
create index problem_ticket_reference_idx on problem_ticket (reference) where source = 'INSPECTION';
