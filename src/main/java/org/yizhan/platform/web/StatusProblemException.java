package org.yizhan.platform.web;

import org.yizhan.platform.Explanation;

import org.springframework.http.HttpStatus;

/**
 * A refusal whose HTTP status is part of its meaning (413 for an oversized upload, 415
 * for a file that is not an image), raised by web adapters of the modules.
 */
public class StatusProblemException extends RuntimeException implements Explanation.Explained {

	private final HttpStatus status;

	private final String type;

	private final Explanation explanation;

	private String field;

	public StatusProblemException(HttpStatus status, String type, String messageCode, Object... args) {
		super(type + ": " + messageCode);
		this.status = status;
		this.type = type;
		this.explanation = new Explanation(messageCode, args);
	}

	public HttpStatus status() {
		return status;
	}

	public String type() {
		return type;
	}

	@Override
	public Explanation explanation() {
		return explanation;
	}

	/**
	 * Names the request field the problem is about, e.g. the {@code file} of an upload.
	 */
	public StatusProblemException onField(String field) {
		this.field = field;
		return this;
	}

	/**
	 * The request field at fault, {@code null} when the problem concerns no one field.
	 */
	public String field() {
		return field;
	}

}
