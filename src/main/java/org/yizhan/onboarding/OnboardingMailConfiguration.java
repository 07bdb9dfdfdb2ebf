package org.yizhan.onboarding;

import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeMessage;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.yizhan.platform.privacy.Masks;
import org.yizhan.platform.privacy.SealedColumn;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.mail.javamail.JavaMailSender;
import org.springframework.mail.javamail.MimeMessageHelper;

/**
 * Applicant mail: through the configured mail server when there is one, else recorded in
 * the log; and the columns that hold personal data, for the key rotation.
 */
@Configuration(proxyBeanMethods = false)
class OnboardingMailConfiguration {

	private static final Logger log = LoggerFactory.getLogger(OnboardingMailConfiguration.class);

	@Bean
	ApplicantMailer applicantMailer(ObjectProvider<JavaMailSender> sender,
			@Value("${yizhan.notifications.mail.from:驿站 <yizhan@localhost>}") String from) {
		JavaMailSender mail = sender.getIfAvailable();
		if (mail == null) {
			return (to, subject, body) -> {
				// No mail server: the mail is kept in application_mail; the log says so
				// without the address in full or the body (it holds the status link).
				log.info("Applicant mail recorded, not sent (spring.mail.host is not set): to {}, subject {}",
						Masks.email(to), subject);
				return false;
			};
		}
		return (to, subject, body) -> {
			try {
				MimeMessage message = mail.createMimeMessage();
				MimeMessageHelper helper = new MimeMessageHelper(message, false, "UTF-8");
				helper.setFrom(new InternetAddress(from, true));
				helper.setTo(to);
				helper.setSubject(subject);
				helper.setText(body, false);
				mail.send(message);
				return true;
			}
			catch (jakarta.mail.MessagingException ex) {
				throw new IllegalStateException("The applicant mail could not be composed: " + ex.getMessage(), ex);
			}
		};
	}

	@Bean
	SealedColumn hostContactPhone() {
		return new SealedColumn("host_contact", "id", "phone_sealed");
	}

	@Bean
	SealedColumn hostContactEmail() {
		return new SealedColumn("host_contact", "id", "email_sealed");
	}

	@Bean
	SealedColumn applicationMailAddress() {
		return new SealedColumn("application_mail", "id", "email_sealed");
	}

}
