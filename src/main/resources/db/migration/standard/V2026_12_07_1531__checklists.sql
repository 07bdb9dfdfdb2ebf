-- Standards as data (issue 14, items 1 and 6; docs/standards.md). A checklist belongs to a union
-- (owner_code, a code of the union tree, which is imported after the migrations: no foreign key);
-- its versions are immutable and numbered, each with the full list of the checklist's own items;
-- a checklist that extends another (a lower union's additions) lists only its own items, the
-- inherited ones come from the base's newest version when the standard in force is read.
create table checklist (
    id          bigint generated always as identity primary key,
    owner_code  varchar(20)   not null,
    name_zh     varchar(100)  not null,
    name_en     varchar(100)  not null,
    source      varchar(1000) not null,
    extends_id  bigint        references checklist (id),
    created_at  timestamptz   not null
);

create table checklist_version (
    id            bigint generated always as identity primary key,
    checklist_id  bigint        not null references checklist (id),
    number        integer       not null check (number >= 1),
    note          varchar(500),
    created_at    timestamptz   not null,
    created_by    varchar(100)  not null,
    unique (checklist_id, number)
);

create table checklist_item (
    version_id  bigint        not null references checklist_version (id),
    position    smallint      not null,
    code        varchar(40)   not null,
    text_zh     varchar(200)  not null,
    text_en     varchar(200)  not null,
    evidence    varchar(16)   not null check (evidence in ('YES_NO', 'NUMBER', 'PHOTO', 'AMENITY')),
    amenity     varchar(32),
    minimum     numeric(9, 2),
    unit        varchar(16),
    measure     varchar(16),
    required    boolean       not null,
    primary key (version_id, code),
    check ((evidence = 'AMENITY') = (amenity is not null)),
    check ((evidence = 'NUMBER') = (minimum is not null))
);

-- The checklist a union sets for its subtree; the nearest assignment up the tree is in force.
create table checklist_assignment (
    union_code    varchar(20)   primary key,
    checklist_id  bigint        not null references checklist (id),
    assigned_at   timestamptz   not null,
    assigned_by   varchar(100)  not null
);

-- A station judged against the standard in force: the newest version of the checklist in force
-- (checklist_version_id) and, per item, the version it came from and the evidence. Kept for good:
-- a station stays judged against what was in force when it was judged.
create table station_judgement (
    id                    bigint generated always as identity primary key,
    station_id            bigint        not null references station (id),
    checklist_version_id  bigint        not null references checklist_version (id),
    purpose               varchar(16)   not null check (purpose in ('RECORDED', 'LISTING')),
    met                   boolean       not null,
    judged_at             timestamptz   not null,
    judged_by             varchar(100)  not null
);
create index station_judgement_station_idx on station_judgement (station_id, judged_at desc);

create table station_judgement_item (
    judgement_id     bigint        not null references station_judgement (id),
    version_id       bigint        not null references checklist_version (id),
    item_code        varchar(40)   not null,
    answer_yes       boolean,
    answer_number    numeric(9, 2),
    photo_id         bigint,
    amenity_present  boolean,
    met              boolean       not null,
    primary key (judgement_id, item_code)
);

-- The seeded standards, with their sources (工人日报, the series 工会户外劳动者服务站点工作巡礼,
-- January 2023: the pages in the project's seeds).
insert into checklist (owner_code, name_zh, name_en, source, created_at) values
('100000', '一平米温暖爱心驿站“六有”标准', 'The "six haves" of the One-Square-Metre stations',
 '工人日报《工会户外劳动者服务站点工作巡礼》2023年1月：中国财贸轻纺烟草工会与饿了么“一平米温暖爱心驿站”项目工作方案明确站点建设的“六有”标准（有统一的标识名称、有合理的站点布局、有健全的服务设施、有完善的服务功能、有规范的管理制度、有地图可查）。',
 timestamptz '2026-12-07 15:30:00+08'),
('610100', '西安市工会驿站“八有”基本建设标准', 'Xi''an''s "eight haves" building standard',
 '工人日报《工会户外劳动者服务站点工作巡礼》2023年1月：西安市总工会确定“八有”的基本建设标准，即有醒目标识标牌、有管理制度、有桌椅板凳、有卫生间、有基本电器、有应急医药箱和工具修理箱、有书籍报刊、有人管理。',
 timestamptz '2026-12-07 15:30:00+08'),
('370000', '山东省户外劳动者服务站点设置规则', 'Shandong''s rule for siting stations',
 '山东省公开规则（项目领域说明 DOMAIN.md 所列公开事实，原文未收入 seeds）：站点面积不少于12平方米，设在一楼且临街。',
 timestamptz '2026-12-07 15:30:00+08');

insert into checklist (owner_code, name_zh, name_en, source, extends_id, created_at)
select '370200', '青岛市驿站基本需求标准', 'Qingdao''s basic needs',
 '工人日报《工会户外劳动者服务站点工作巡礼》2023年1月：青岛市总工会统一建设标准，要求所有驿站必须配备相应设备，满足户外劳动者饮水、就餐、休息等基本需求。在山东省规则之上增加。',
 id, timestamptz '2026-12-07 15:30:00+08'
from checklist where owner_code = '370000';

insert into checklist_version (checklist_id, number, note, created_at, created_by)
select id, 1, '初始版本（来源见清单）', created_at, 'seed' from checklist;

insert into checklist_item (version_id, position, code, text_zh, text_en, evidence, amenity, minimum, unit, measure, required)
select v.id, i.position, i.code, i.text_zh, i.text_en, i.evidence, i.amenity, i.minimum, i.unit, i.measure, true
from checklist c
join checklist_version v on v.checklist_id = c.id
join (values
  ('100000', 1, 'sign',       '有统一的标识名称', 'A unified sign and name',          'PHOTO',   null, null::numeric, null, null),
  ('100000', 2, 'layout',     '有合理的站点布局', 'A sensible layout',                'PHOTO',   null, null, null, null),
  ('100000', 3, 'facilities', '有健全的服务设施', 'Complete service facilities',      'YES_NO',  null, null, null, null),
  ('100000', 4, 'functions',  '有完善的服务功能', 'Complete service functions',       'YES_NO',  null, null, null, null),
  ('100000', 5, 'rules',      '有规范的管理制度', 'Proper management rules',          'YES_NO',  null, null, null, null),
  ('100000', 6, 'on-map',     '有地图可查',       'Findable on a map',                'YES_NO',  null, null, null, null),
  ('610100', 1, 'sign',         '有醒目标识标牌',   'A prominent sign',                 'PHOTO',   null, null, null, null),
  ('610100', 2, 'rules',        '有管理制度',       'Management rules',                 'YES_NO',  null, null, null, null),
  ('610100', 3, 'seating',      '有桌椅板凳',       'Tables and chairs',                'AMENITY', 'SEATING', null, null, null),
  ('610100', 4, 'toilet',       '有卫生间',         'A toilet',                         'AMENITY', 'TOILET', null, null, null),
  ('610100', 5, 'appliances',   '有基本电器',       'Basic appliances',                 'YES_NO',  null, null, null, null),
  ('610100', 6, 'medicine-kit', '有应急医药箱',     'An emergency medicine kit',        'AMENITY', 'MEDICINE_KIT', null, null, null),
  ('610100', 7, 'tool-kit',     '有工具修理箱',     'A repair tool kit',                'AMENITY', 'TOOL_KIT', null, null, null),
  ('610100', 8, 'books',        '有书籍报刊',       'Books and newspapers',             'AMENITY', 'BOOKS', null, null, null),
  ('610100', 9, 'staffed',      '有人管理',         'Someone in charge',                'YES_NO',  null, null, null, null),
  ('370000', 1, 'area',         '站点面积不少于12平方米', 'A floor area of at least 12 m²', 'NUMBER', null, 12, 'm²', 'AREA_M2'),
  ('370000', 2, 'street-level', '设在一楼且临街',  'On the ground floor, facing the street', 'YES_NO', null, null, null, null),
  ('370200', 1, 'water',        '满足饮水需求',     'Drinking water',                   'AMENITY', 'DRINKING_WATER', null, null, null),
  ('370200', 2, 'eating',       '满足就餐需求（可热饭）', 'Somewhere to eat (a microwave)', 'AMENITY', 'MICROWAVE', null, null, null),
  ('370200', 3, 'resting',      '满足休息需求',     'Somewhere to rest',                'AMENITY', 'SEATING', null, null, null)
) as i (owner_code, position, code, text_zh, text_en, evidence, amenity, minimum, unit, measure)
  on i.owner_code = c.owner_code;

-- Shandong sets its rule for the province, Qingdao its additions for the city, Xi'an its 八有.
-- 六有 is a national partner programme's standard, assigned to no union until one adopts it; the
-- demo city (Hangzhou) has none, so its stations list as before.
insert into checklist_assignment (union_code, checklist_id, assigned_at, assigned_by)
select owner_code, id, created_at, 'seed' from checklist where owner_code in ('370000', '370200', '610100');
