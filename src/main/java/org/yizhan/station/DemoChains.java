package org.yizhan.station;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.yizhan.platform.DataImports;

import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBooleanProperty;
import org.springframework.core.annotation.Order;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Names the demo city's responsibility chains once, after the demo accounts exist, so
 * that a demo ticket goes to a station master first rather than straight to the union.
 * For each station of the demo city whose chain was never set: the station master is the
 * enabled station master bound to it who runs the fewest stations (a station's own 站长
 * rather than someone who happens to hold the role more widely), the liaison the enabled
 * liaison bound to it who is not also a station master, and the general station master
 * the enabled station master of its district union bound to no station (a 总站长 oversees
 * stations without running one). A level nobody fits stays empty, as an admin would leave
 * it; the supervising union is the district's.
 */
@Component
@Order(30)
@ConditionalOnBooleanProperty(name = "yizhan.demo.enabled", matchIfMissing = true)
class DemoChains implements ApplicationRunner {

	static final String IMPORT_NAME = "demo-chains";

	private static final Logger log = LoggerFactory.getLogger(DemoChains.class);

	private final JdbcClient jdbc;

	private final DataImports imports;

	private final TransactionTemplate transaction;

	private final Clock clock;

	DemoChains(JdbcClient jdbc, DataImports imports, TransactionTemplate transaction, Clock clock) {
		this.jdbc = jdbc;
		this.imports = imports;
		this.transaction = transaction;
		this.clock = clock;
	}

	@Override
	public void run(ApplicationArguments args) {
		transaction.executeWithoutResult(status -> nameOnce());
	}

	void nameOnce() {
		imports.lock();
		if (imports.isLoaded(IMPORT_NAME) || !imports.isLoaded(DemoCity.IMPORT_NAME)) {
			return;
		}
		Instant now = clock.instant();
		int named = jdbc.sql("""
				with chosen as (
				  select s.id as station_id, s.district_code,
				    (select a.id from account_station b join account a on a.id = b.account_id
				     where b.station_id = s.id and a.enabled and 'STATION_MASTER' = any(a.roles)
				     order by (select count(*) from account_station c where c.account_id = a.id), a.id
				     limit 1) as master,
				    (select a.id from account_station b join account a on a.id = b.account_id
				     where b.station_id = s.id and a.enabled and 'LIAISON' = any(a.roles)
				       and not 'STATION_MASTER' = any(a.roles)
				     order by a.id limit 1) as liaison,
				    (select a.id from account a
				     where a.organization_code = s.district_code and a.enabled and 'STATION_MASTER' = any(a.roles)
				       and not exists (select 1 from account_station c where c.account_id = a.id)
				     order by a.id limit 1) as general
				  from station s
				  where s.status <> 'DELISTED'
				    and not exists (select 1 from station_responsibility r where r.station_id = s.id))
				insert into station_responsibility (station_id, station_master_id, liaison_id,
				    general_station_master_id, supervising_union_code, updated_at, version)
				select station_id, master, liaison, general, district_code, :now, 1 from chosen
				where coalesce(master, liaison, general) is not null
				""").param("now", Timestamp.from(now)).update();
		imports.recordLoaded(IMPORT_NAME, named, now);
		log.info("Named the responsibility chains of {} demo stations", named);
	}

}
