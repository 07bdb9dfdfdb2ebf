package org.yizhan.inspection;

import java.security.SecureRandom;
import java.time.Clock;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Optional;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.yizhan.organization.Audited;
import org.yizhan.platform.InvalidInputException;
import org.yizhan.platform.YizhanTime;

import org.springframework.context.ApplicationEventPublisher;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Creates each recurring campaign's next period: an annual 回头看 set up for 2027 gets its
 * 2028 campaign once the day it started in 2027 comes round in 2028, with the same union,
 * kind, items, share and assignees, a new seed and the same length.
 *
 * <p>
 * Every instance runs the job, without a lock: the campaign's row is inserted first with
 * {@code on conflict (series, period) do nothing}, so the second instance's insert waits
 * for the first one's transaction and then inserts nothing, and draws no sample. Exactly
 * one campaign per series and period, whoever comes first.
 */
@Component
class RecurringCampaigns {

	private static final Logger log = LoggerFactory.getLogger(RecurringCampaigns.class);

	private static final SecureRandom SEEDS = new SecureRandom();

	private final CampaignRepository repository;

	private final InspectionCampaigns campaigns;

	private final ApplicationEventPublisher events;

	private final TransactionTemplate transactions;

	private final Clock clock;

	RecurringCampaigns(CampaignRepository repository, InspectionCampaigns campaigns, ApplicationEventPublisher events,
			PlatformTransactionManager transactions, Clock clock) {
		this.repository = repository;
		this.campaigns = campaigns;
		this.events = events;
		this.transactions = new TransactionTemplate(transactions);
		this.clock = clock;
	}

	@Scheduled(cron = "${yizhan.inspection.recurring-cron:0 20 0 * * *}", zone = "Asia/Shanghai")
	void createDue() {
		createDue(LocalDate.ofInstant(this.clock.instant(), YizhanTime.ZONE));
	}

	/**
	 * Creates every series' campaign that is due on {@code today} and not there yet.
	 * @return the campaigns this call created
	 */
	List<Long> createDue(LocalDate today) {
		return this.repository.listSeriesTemplates()
			.stream()
			.map(template -> createNext(template.campaign(), template.unionPath(), today))
			.flatMap(Optional::stream)
			.toList();
	}

	private Optional<Long> createNext(Campaign template, String unionPath, LocalDate today) {
		int year = today.getYear();
		if (Integer.parseInt(template.period()) >= year) {
			return Optional.empty();
		}
		LocalDate due = template.startsOn().withYear(year);
		if (today.isBefore(due)) {
			return Optional.empty();
		}
		long days = ChronoUnit.DAYS.between(template.startsOn(), template.endsOn());
		LocalDate starts = today.isAfter(due) ? today : due;
		CampaignRepository.NewCampaign row = new CampaignRepository.NewCampaign(template.unionCode(), template.kind(),
				template.name(), template.mystery(), template.checklistId(), template.checklistVersionId(),
				template.checklistVersionNumber(), template.checklistNameZh(), template.checklistNameEn(),
				template.samplePercent(), SEEDS.nextLong() >>> 12, starts, starts.plusDays(days), template.series(),
				Integer.toString(year), this.clock.instant(), "system");
		List<Long> assignees = this.repository.listAssigneeIds(template.id());
		try {
			return this.transactions.execute(status -> {
				Optional<Long> id = this.campaigns.insertWhole(row, template.items(), assignees, unionPath);
				id.ifPresent(created -> this.events.publishEvent(new Audited("inspection.campaign.recur",
						"inspection_campaign", Long.toString(created), template.unionCode(), null,
						"series=" + template.series() + "; period=" + year + "; from=" + template.id())));
				return id;
			});
		}
		catch (InvalidInputException ex) {
			log.warn("The {} campaign of series {} was not created: no listed station to sample under {}", year,
					template.series(), template.unionCode());
			return Optional.empty();
		}
	}

}
