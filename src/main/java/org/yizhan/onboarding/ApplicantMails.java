package org.yizhan.onboarding;

import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.Locale;

import org.springframework.stereotype.Component;

/**
 * The mail an applicant gets when their application's status changes (its submission
 * included): plain text, Chinese first and English after it, since an applicant has no
 * account and so no language of their own, with the status link.
 */
@Component
class ApplicantMails {

	private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm")
		.withZone(ZoneId.of("Asia/Shanghai"));

	record Mail(String subject, String body) {
	}

	Mail statusChanged(PublicApplicationStatus status, String statusUrl) {
		PublicApplicationStatus.Step last = status.history().get(status.history().size() - 1);
		String zh = status.status().label(Locale.SIMPLIFIED_CHINESE);
		String en = status.status().label(Locale.ENGLISH);
		String subject = "驿站申请“" + status.stationName() + "”：" + zh + " / Station application: " + en;
		StringBuilder body = new StringBuilder();
		body.append("您好：\n\n")
			.append(status.hostName())
			.append("申请设立的驿站“")
			.append(status.stationName())
			.append("”（")
			.append(status.address())
			.append("）状态：")
			.append(zh)
			.append("（")
			.append(TIME.format(last.at()))
			.append("，北京时间）。\n");
		if (last.note() != null) {
			body.append("说明：").append(last.note()).append('\n');
		}
		body.append("受理工会：")
			.append(status.districtName())
			.append("\n查看进度：")
			.append(statusUrl)
			.append("\n请妥善保存此链接，持有链接即可查看本申请。\n\n---\n\n")
			.append("The station application \"")
			.append(status.stationName())
			.append("\" of ")
			.append(status.hostName())
			.append(" is now: ")
			.append(en)
			.append(" (")
			.append(TIME.format(last.at()))
			.append(", Beijing time).\n");
		if (last.note() != null) {
			body.append("Note: ").append(last.note()).append('\n');
		}
		body.append("Follow it at ")
			.append(statusUrl)
			.append("\nKeep this link: whoever has it can read this application.\n");
		return new Mail(subject, body.toString());
	}

}
