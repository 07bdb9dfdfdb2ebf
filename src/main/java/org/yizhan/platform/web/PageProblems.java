package org.yizhan.platform.web;

import org.yizhan.platform.NotFoundException;

import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.servlet.ModelAndView;

/**
 * Shows a page, not a stack trace, when a page is asked for something that does not
 * exist. API controllers are answered by {@link ApiProblems}, which takes precedence.
 */
@ControllerAdvice(annotations = Controller.class)
@Order(Ordered.LOWEST_PRECEDENCE)
class PageProblems {

	@ExceptionHandler
	ModelAndView notFound(NotFoundException ex) {
		ModelAndView page = new ModelAndView("error/404", HttpStatus.NOT_FOUND);
		page.addObject("messageCode", ex.messageCode());
		page.addObject("args", ex.args());
		return page;
	}

}
