package org.yizhan.platform.web;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.OutputStreamWriter;
import java.io.PrintWriter;
import java.io.BufferedReader;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.util.Locale;

import jakarta.servlet.Filter;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ReadListener;
import jakarta.servlet.ServletException;
import jakarta.servlet.ServletInputStream;
import jakarta.servlet.ServletOutputStream;
import jakarta.servlet.ServletRequest;
import jakarta.servlet.ServletResponse;
import jakarta.servlet.WriteListener;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletRequestWrapper;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpServletResponseWrapper;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.context.MessageSource;
import org.yizhan.platform.Languages;

/**
 * Every request body has a limit, enforced while it is read: small for the JSON APIs and
 * forms, larger for uploads ({@link RequestBodyLimits}). A declared
 * {@code Content-Length} over the limit is answered 413 before a byte is read, and the
 * connection closed so the container does not read the rest either; a body without one
 * (chunked) is read through a stream that stops at the limit, and whatever the
 * application then said is replaced by the 413.
 *
 * <p>
 * It runs ahead of every other filter, the rating intake's ({@code RatingIntakeFilter},
 * ADR 0008) included, so even the one request that skips the filter chain is covered.
 * Multipart bodies are parsed by the container, beside this stream: they are bounded by
 * {@code spring.servlet.multipart.max-request-size} as well as by the
 * {@code Content-Length} check here.
 */
class RequestBodyLimitFilter implements Filter {

	private static final Logger log = LoggerFactory.getLogger(RequestBodyLimitFilter.class);

	private final RequestBodyLimits limits;

	private final MessageSource messages;

	RequestBodyLimitFilter(RequestBodyLimits limits, MessageSource messages) {
		this.limits = limits;
		this.messages = messages;
	}

	@Override
	public void doFilter(ServletRequest req, ServletResponse res, FilterChain chain)
			throws IOException, ServletException {
		if (!(req instanceof HttpServletRequest request) || !(res instanceof HttpServletResponse response)
				|| !this.limits.enabled()) {
			chain.doFilter(req, res);
			return;
		}
		long limit = this.limits.limitFor(RoutedPath.of(request));
		long declared = request.getContentLengthLong();
		if (declared > limit) {
			refuse(request, response, limit);
			return;
		}
		if (declared >= 0 && request.getHeader("Transfer-Encoding") == null) {
			// The container reads no more than the declared length.
			chain.doFilter(request, response);
			return;
		}
		LimitedRequest limited = new LimitedRequest(request, limit);
		GuardedResponse guarded = new GuardedResponse(response, limited);
		try {
			chain.doFilter(limited, guarded);
		}
		catch (IOException | ServletException | RuntimeException ex) {
			if (!limited.exceeded) {
				throw ex;
			}
		}
		if (limited.exceeded) {
			refuse(request, response, limit);
		}
	}

	private void refuse(HttpServletRequest request, HttpServletResponse response, long limit) throws IOException {
		log.info("Refused a request body over {} bytes: {} {} from {}", limit, request.getMethod(),
				request.getRequestURI(), request.getRemoteAddr());
		if (response.isCommitted()) {
			return;
		}
		response.reset();
		Locale locale = Languages.preferred(request);
		String title = this.messages.getMessage("problem.too-large", null, locale);
		String detail = this.messages.getMessage("problem.bodyTooLarge", new Object[] { readable(limit) }, locale);
		byte[] body = ("{\"type\":\"https://yizhan.org/problems/too-large\",\"title\":\"" + json(title)
				+ "\",\"status\":413,\"detail\":\"" + json(detail) + "\"}")
			.getBytes(StandardCharsets.UTF_8);
		response.setStatus(HttpServletResponse.SC_REQUEST_ENTITY_TOO_LARGE);
		// Closes the connection after the answer (Tomcat also does for a 413); the answer
		// carries its length, so the client has it whole before the rest of the body is
		// discarded, at most server.tomcat.max-swallow-size of it.
		response.setHeader("Connection", "close");
		response.setContentType("application/problem+json;charset=UTF-8");
		response.setContentLength(body.length);
		response.getOutputStream().write(body);
		response.flushBuffer();
	}

	private static String readable(long bytes) {
		if (bytes >= 1024 * 1024 && bytes % (1024 * 1024) == 0) {
			return (bytes / (1024 * 1024)) + " MB";
		}
		if (bytes >= 1024 && bytes % 1024 == 0) {
			return (bytes / 1024) + " KB";
		}
		return bytes + " B";
	}

	private static String json(String text) {
		return text.replace("\\", "\\\\").replace("\"", "\\\"");
	}

	/** Thrown by the limited stream at the first byte past the limit. */
	static final class BodyTooLargeException extends IOException {

		BodyTooLargeException(long limit) {
			super("Request body over " + limit + " bytes");
		}

	}

	private static final class LimitedRequest extends HttpServletRequestWrapper {

		private final long limit;

		private volatile boolean exceeded;

		private ServletInputStream stream;

		private BufferedReader reader;

		LimitedRequest(HttpServletRequest request, long limit) {
			super(request);
			this.limit = limit;
		}

		@Override
		public ServletInputStream getInputStream() throws IOException {
			if (this.stream == null) {
				this.stream = new LimitedStream(super.getInputStream());
			}
			return this.stream;
		}

		@Override
		public BufferedReader getReader() throws IOException {
			if (this.reader == null) {
				String encoding = getCharacterEncoding();
				Charset charset = (encoding != null) ? Charset.forName(encoding) : StandardCharsets.ISO_8859_1;
				this.reader = new BufferedReader(new InputStreamReader(getInputStream(), charset));
			}
			return this.reader;
		}

		private final class LimitedStream extends ServletInputStream {

			private final ServletInputStream in;

			private long count;

			LimitedStream(ServletInputStream in) {
				this.in = in;
			}

			@Override
			public int read() throws IOException {
				int b = this.in.read();
				if (b >= 0) {
					counted(1);
				}
				return b;
			}

			@Override
			public int read(byte[] buffer, int offset, int length) throws IOException {
				// Never ask for more than one byte past the limit.
				long room = LimitedRequest.this.limit - this.count + 1;
				int n = this.in.read(buffer, offset, (int) Math.min(length, Math.max(1, room)));
				if (n > 0) {
					counted(n);
				}
				return n;
			}

			private void counted(int n) throws IOException {
				this.count += n;
				if (this.count > LimitedRequest.this.limit) {
					LimitedRequest.this.exceeded = true;
					throw new BodyTooLargeException(LimitedRequest.this.limit);
				}
			}

			@Override
			public boolean isFinished() {
				return this.in.isFinished();
			}

			@Override
			public boolean isReady() {
				return this.in.isReady();
			}

			@Override
			public void setReadListener(ReadListener listener) {
				this.in.setReadListener(listener);
			}

		}

	}

	/**
	 * Passes everything on until the body turns out too large; from then on the
	 * application's answer (a 400 for unreadable JSON, say) goes nowhere, so the filter
	 * can still answer 413.
	 */
	private static final class GuardedResponse extends HttpServletResponseWrapper {

		private final LimitedRequest request;

		private final ServletOutputStream discard = new ServletOutputStream() {
			@Override
			public void write(int b) {
			}

			@Override
			public boolean isReady() {
				return true;
			}

			@Override
			public void setWriteListener(WriteListener listener) {
			}
		};

		GuardedResponse(HttpServletResponse response, LimitedRequest request) {
			super(response);
			this.request = request;
		}

		private boolean muted() {
			return this.request.exceeded;
		}

		@Override
		public ServletOutputStream getOutputStream() throws IOException {
			return muted() ? this.discard : new GuardedStream(super.getOutputStream());
		}

		@Override
		public PrintWriter getWriter() throws IOException {
			if (muted()) {
				return new PrintWriter(new OutputStreamWriter(new ByteArrayOutputStream(), StandardCharsets.UTF_8));
			}
			return super.getWriter();
		}

		@Override
		public void setStatus(int status) {
			if (!muted()) {
				super.setStatus(status);
			}
		}

		@Override
		public void sendError(int status) throws IOException {
			if (!muted()) {
				super.sendError(status);
			}
		}

		@Override
		public void sendError(int status, String message) throws IOException {
			if (!muted()) {
				super.sendError(status, message);
			}
		}

		@Override
		public void flushBuffer() throws IOException {
			if (!muted()) {
				super.flushBuffer();
			}
		}

		@Override
		public boolean isCommitted() {
			return !muted() && super.isCommitted();
		}

		private final class GuardedStream extends ServletOutputStream {

			private final ServletOutputStream out;

			GuardedStream(ServletOutputStream out) {
				this.out = out;
			}

			@Override
			public void write(int b) throws IOException {
				if (!muted()) {
					this.out.write(b);
				}
			}

			@Override
			public void write(byte[] bytes, int offset, int length) throws IOException {
				if (!muted()) {
					this.out.write(bytes, offset, length);
				}
			}

			@Override
			public void flush() throws IOException {
				if (!muted()) {
					this.out.flush();
				}
			}

			@Override
			public boolean isReady() {
				return this.out.isReady();
			}

			@Override
			public void setWriteListener(WriteListener listener) {
				this.out.setWriteListener(listener);
			}

		}

	}

}
