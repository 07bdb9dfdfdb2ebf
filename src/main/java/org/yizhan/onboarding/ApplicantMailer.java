package org.yizhan.onboarding;

/**
 * Where applicant mail leaves the application: the system's edge. Notification's outbox
 * mails accounts only, and an applicant has none, so onboarding sends through Spring's
 * {@code JavaMailSender} itself when {@code spring.mail.host} is set, and otherwise only
 * records that the mail would have gone (the mail stays in {@code application_mail}).
 */
interface ApplicantMailer {

	/**
	 * Sends one mail.
	 * @return {@code true} when a mail server took it, {@code false} when it was only
	 * recorded
	 * @throws RuntimeException when the server refused it or could not be reached
	 */
	boolean send(String to, String subject, String body);

}
