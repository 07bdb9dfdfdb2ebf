/**
 * Digests: what each account is told once a day or once a week (tickets it holds, figures
 * of its stations, silent stations), written exactly once per account, kind and period.
 */
package org.yizhan.supervision.digest;
