/**
 * Silent stations: the monthly check that flags listed stations without a counted rating
 * for N calendar months, and the storage of their cases.
 */
package org.yizhan.rating.silent;
