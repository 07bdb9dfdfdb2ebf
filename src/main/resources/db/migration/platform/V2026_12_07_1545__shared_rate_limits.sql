-- Token buckets shared by every instance (platform.web.SharedRateLimits, Bucket4j's PostgreSQL
-- proxy manager, which reads a bucket "for update", changes and writes it in one transaction):
-- an address limit kept here is one budget however many instances serve the address. The id is
-- '<limit>:<key>', e.g. 'ticket-report:203.0.113.7'; state is Bucket4j's serialised bucket;
-- expires_at (epoch milliseconds) is when an idle bucket would be full again, after which its row
-- is removed.
create table rate_limit_bucket (
    id         varchar(200) primary key,
    state      bytea,
    expires_at bigint
);
create index rate_limit_bucket_expires_idx on rate_limit_bucket (expires_at);
