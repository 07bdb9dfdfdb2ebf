package org.yizhan.finder.web;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.tomcat.TomcatConnectorCustomizer;
import org.springframework.stereotype.Component;
import org.springframework.util.unit.DataSize;

/**
 * Tomcat's per-connection socket write buffer, sized so that a default nearby answer (ten
 * stations, about 12 KB with its headers) leaves in one write. Tomcat copies a response
 * into this buffer and writes it to the socket whenever it fills: with its default of 8
 * KB, every nearby answer took two write system calls, each a trip through the whole TCP
 * stack, where the catalogue's 2.3 KB take one. It costs the difference (8 KB at the
 * default 16 KB) for each open connection.
 */
@Component
class SocketWriteBuffer implements TomcatConnectorCustomizer {

	private final DataSize size;

	SocketWriteBuffer(@Value("${yizhan.finder.socket-write-buffer:16KB}") DataSize size) {
		this.size = size;
	}

	@Override
	public void customize(org.apache.catalina.connector.Connector connector) {
		connector.setProperty("socket.appWriteBufSize", Long.toString(size.toBytes()));
	}

}
