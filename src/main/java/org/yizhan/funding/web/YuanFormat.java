package org.yizhan.funding.web;

import org.yizhan.funding.Fen;

import org.springframework.stereotype.Component;

/**
 * Fen as yuan on the console's pages ({@code ${@fundingYuan.of(rule.amountFen)}}): the
 * templates never divide money themselves.
 */
@Component("fundingYuan")
public class YuanFormat {

	public String of(long fen) {
		return Fen.format(fen);
	}

}
