package dev.ddbstreams.streams.reader.testing;

import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import javax.net.ServerSocketFactory;
import javax.net.SocketFactory;

/**
 * Sockets that send each write at once ({@code TCP_NODELAY}), for both ends of the simulated service. With Nagle's
 * algorithm on, a response written as headers and then body waits for the client's delayed acknowledgement of the
 * headers, 40 ms on Linux: every call would take that long, and a test of a few hundred calls many seconds. Public
 * for the benchmarks that serve the simulated stream.
 */
public final class NoDelaySockets {

    private NoDelaySockets() {}

    /** For the client's connections. */
    public static SocketFactory client() {
        SocketFactory sockets = SocketFactory.getDefault();
        return new SocketFactory() {
            @Override
            public Socket createSocket() throws IOException {
                return noDelay(sockets.createSocket());
            }

            @Override
            public Socket createSocket(String host, int port) throws IOException {
                return noDelay(sockets.createSocket(host, port));
            }

            @Override
            public Socket createSocket(String host, int port, InetAddress localHost, int localPort) throws IOException {
                return noDelay(sockets.createSocket(host, port, localHost, localPort));
            }

            @Override
            public Socket createSocket(InetAddress host, int port) throws IOException {
                return noDelay(sockets.createSocket(host, port));
            }

            @Override
            public Socket createSocket(InetAddress address, int port, InetAddress localAddress, int localPort)
                    throws IOException {
                return noDelay(sockets.createSocket(address, port, localAddress, localPort));
            }
        };
    }

    /** For the server: each connection it accepts. */
    public static ServerSocketFactory server() {
        return new ServerSocketFactory() {
            @Override
            public ServerSocket createServerSocket() throws IOException {
                return new ServerSocket() {
                    @Override
                    public Socket accept() throws IOException {
                        return noDelay(super.accept());
                    }
                };
            }

            @Override
            public ServerSocket createServerSocket(int port) throws IOException {
                return bound(new InetSocketAddress(port), 50);
            }

            @Override
            public ServerSocket createServerSocket(int port, int backlog) throws IOException {
                return bound(new InetSocketAddress(port), backlog);
            }

            @Override
            public ServerSocket createServerSocket(int port, int backlog, InetAddress address) throws IOException {
                return bound(new InetSocketAddress(address, port), backlog);
            }

            private ServerSocket bound(InetSocketAddress address, int backlog) throws IOException {
                ServerSocket socket = createServerSocket();
                socket.bind(address, backlog);
                return socket;
            }
        };
    }

    private static Socket noDelay(Socket socket) throws IOException {
        socket.setTcpNoDelay(true);
        return socket;
    }
}
