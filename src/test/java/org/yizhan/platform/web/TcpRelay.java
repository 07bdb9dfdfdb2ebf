package org.yizhan.platform.web;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * A TCP relay on a fixed loopback port to a database server, which a test can cut off
 * (every connection dropped, new ones refused) and reconnect: the database away and back,
 * as the application sees it, without stopping a server other tests use.
 */
final class TcpRelay implements AutoCloseable {

	private final int targetPort;

	private final int port;

	private final List<Socket> sockets = new CopyOnWriteArrayList<>();

	private volatile ServerSocket listener;

	TcpRelay(int targetPort) throws IOException {
		this.targetPort = targetPort;
		try (ServerSocket free = new ServerSocket(0, 50, InetAddress.getLoopbackAddress())) {
			this.port = free.getLocalPort();
		}
		up();
	}

	int port() {
		return port;
	}

	synchronized void up() throws IOException {
		ServerSocket server = new ServerSocket();
		server.setReuseAddress(true);
		server.bind(new InetSocketAddress(InetAddress.getLoopbackAddress(), port));
		listener = server;
		Thread accepting = new Thread(() -> accept(server), "tcp-relay-" + port);
		accepting.setDaemon(true);
		accepting.start();
	}

	/** Drops every connection and refuses new ones, as a database that went away. */
	synchronized void down() throws IOException {
		listener.close();
		for (Socket socket : sockets) {
			socket.close();
		}
		sockets.clear();
	}

	private void accept(ServerSocket server) {
		while (!server.isClosed()) {
			try {
				Socket client = server.accept();
				Socket target = new Socket(InetAddress.getLoopbackAddress(), targetPort);
				if (!relay(server, client, target)) {
					close(client);
					close(target);
				}
			}
			catch (IOException ex) {
				// closed by down()
			}
		}
	}

	/**
	 * Starts relaying unless {@link #down()} closed the listener while this connection
	 * was being accepted: such a connection would otherwise outlive the cut.
	 */
	private synchronized boolean relay(ServerSocket server, Socket client, Socket target) {
		if (server.isClosed()) {
			return false;
		}
		sockets.add(client);
		sockets.add(target);
		pump(client, target);
		pump(target, client);
		return true;
	}

	private void pump(Socket from, Socket to) {
		Thread thread = new Thread(() -> {
			byte[] buffer = new byte[16384];
			try (InputStream in = from.getInputStream(); OutputStream out = to.getOutputStream()) {
				int read;
				while ((read = in.read(buffer)) >= 0) {
					out.write(buffer, 0, read);
				}
			}
			catch (IOException ex) {
				// one side closed
			}
			finally {
				close(from);
				close(to);
			}
		}, "tcp-relay-pump");
		thread.setDaemon(true);
		thread.start();
	}

	private static void close(Socket socket) {
		try {
			socket.close();
		}
		catch (IOException ex) {
			// already closed
		}
	}

	@Override
	public void close() throws IOException {
		down();
	}

}
