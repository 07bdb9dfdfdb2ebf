/**
 * Drawing the stations' QR codes (PNG, SVG) and printable posters (PDF with an embedded
 * CJK font), and the public base URL the codes lead to.
 */
package org.yizhan.rating.qr;
