package org.yizhan.onboarding;

import java.io.IOException;
import java.net.ServerSocket;
import java.util.Arrays;
import java.util.List;
import java.util.Map;

import com.icegreen.greenmail.junit5.GreenMailExtension;
import com.icegreen.greenmail.util.ServerSetup;
import jakarta.mail.internet.MimeMessage;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import org.yizhan.support.TestImages;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * With a mail server configured, an applicant's mail goes through it (a real SMTP server,
 * GreenMail, run inside the test): once, in UTF-8, with the status link, to the address
 * the applicant gave, which the database keeps only sealed.
 */
@SpringBootTest(properties = { "spring.mail.host=127.0.0.1", "yizhan.onboarding.mail.poll-interval=1h" })
class ApplicantMailTests {

	static final int PORT = freePort();

	@RegisterExtension
	static GreenMailExtension smtp = new GreenMailExtension(new ServerSetup(PORT, "127.0.0.1", "smtp"))
		.withPerMethodLifecycle(false);

	@DynamicPropertySource
	static void mailServer(DynamicPropertyRegistry properties) {
		properties.add("spring.mail.port", () -> PORT);
	}

	@Autowired
	Applications applications;

	@Autowired
	ApplicantMailOutbox outbox;

	@Autowired
	JdbcClient jdbc;

	@Test
	void theApplicantIsMailedOnceWithTheStatusLink() throws Exception {
		String address = "applicant-" + System.nanoTime() + "@example.com";
		Map<String, Object> application = ApplicationFixtures.application(ApplicationFixtures.randomCreditCode(),
				"邮件测试商户", "330106", new ApplicationFixtures(jdbc).freeSite("330106"));
		ApplicationFixtures.part(application, "contact").put("email", address);

		Applications.Receipt receipt = applications.submit(OnboardingAccessRows.input(application),
				List.of(TestImages.jpeg(32, 24)), "https://yizhan.example.cn");
		outbox.sendDue();
		// a second run, as another instance or the next schedule would
		outbox.sendDue();

		List<MimeMessage> mails = Arrays.stream(smtp.getReceivedMessages())
			.filter(mail -> recipient(mail).equals(address))
			.toList();
		assertThat(mails).hasSize(1);
		MimeMessage mail = mails.get(0);
		assertThat(mail.getSubject()).startsWith("驿站申请“一平米温暖爱心驿站（邮件测试商户）”：已提交，等待审核");
		assertThat((String) mail.getContent()).contains("https://yizhan.example.cn/a/" + receipt.token().value(),
				"邮件测试商户", "Submitted, waiting for review");
		assertThat(jdbc.sql("""
				select m.status || ' ' || m.email_sealed from application_mail m
				join application a on a.id = m.application_id where a.token = ?""")
			.param(receipt.token().value())
			.query(String.class)
			.single()).startsWith("SENT v1.").doesNotContain(address);
	}

	private static String recipient(MimeMessage mail) {
		try {
			return mail.getAllRecipients()[0].toString();
		}
		catch (jakarta.mail.MessagingException ex) {
			throw new IllegalStateException(ex);
		}
	}

	private static int freePort() {
		try (ServerSocket socket = new ServerSocket(0)) {
			return socket.getLocalPort();
		}
		catch (IOException ex) {
			throw new IllegalStateException(ex);
		}
	}

}
