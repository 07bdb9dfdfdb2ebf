-- Coverage analysis (issue 6): the areas coverage is measured over, the demand inside them and
-- the candidate sites for new stations. Geometry is kept as GeoJSON text in WGS-84: the analysis
-- runs in memory on a grid, so the database only has to keep and return the shapes.

-- One boundary per organisation (a district union's area), uploaded or derived for the demo.
create table coverage_area (
    org_code    varchar(12)  primary key references organization (code),
    name        varchar(100) not null,
    source      varchar(16)  not null check (source in ('UPLOADED', 'DERIVED')),
    geometry    text         not null,
    area_m2     double precision not null check (area_m2 > 0),
    updated_at  timestamptz  not null
);

-- Weighted demand points (restaurants, delivery hubs, worker hotspots), one layer per
-- organisation, replaced whole by each upload.
create table coverage_demand_point (
    id        bigint generated always as identity primary key,
    org_code  varchar(12)      not null references organization (code),
    lat       double precision not null check (lat between -90 and 90),
    lon       double precision not null check (lon between -180 and 180),
    weight    double precision not null check (weight >= 0),
    name      varchar(100)
);
create index coverage_demand_point_org_idx on coverage_demand_point (org_code);

-- Places that could host a new station: POIs of host types (the demo's OSM sites) or points an
-- organisation uploaded.
create table coverage_candidate_site (
    id        bigint generated always as identity primary key,
    org_code  varchar(12)      not null references organization (code),
    source    varchar(16)      not null check (source in ('POI', 'UPLOADED')),
    name      varchar(100)     not null,
    host_type varchar(32),
    lat       double precision not null check (lat between -90 and 90),
    lon       double precision not null check (lon between -180 and 180)
);
create index coverage_candidate_site_org_idx on coverage_candidate_site (org_code, source);
