package io.toasty.example.blog;

import io.netty.channel.ChannelDuplexHandler;
import io.netty.channel.ChannelFutureListener;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelPromise;
import io.netty.handler.codec.http.LastHttpContent;
import org.springframework.boot.web.embedded.netty.NettyServerCustomizer;
import org.springframework.stereotype.Component;
import reactor.netty.NettyPipeline;
import reactor.netty.http.server.HttpServer;

/**
 * Asks the channel for the next request each time a response has been written.
 *
 * <p>Why: Reactor Netty 1.2 (the line Spring Boot 3.5 pins, 1.2.18 the last) reads a keep-alive
 * connection on demand, and one path forgets to ask again: a request that arrived while the one
 * before was still being answered is queued; when it is then answered at once (a 400 from a
 * parameter check, without touching the database), the queue drains without a new read, and the
 * connection's next request is never read (reactor-netty #4361, fixed after 1.2.18). The client
 * waits until it gives up. An extra read when one is already pending is harmless: Netty reads once
 * when data arrives, and the server queues a request that comes early.
 *
 * <p>Remove when the Reactor Netty in use has the fix: {@code
 * BlogHttpContract.aKeepAliveConnectionKeepsAnsweringAfterQueuedErrors} shows whether it does.
 */
@Component
public class KeepAliveReads implements NettyServerCustomizer {
  private static final String NAME = "toasty.example.keepAliveReads";

  // snippet: blog-keep-alive-reads
  @Override
  public HttpServer apply(HttpServer server) {
    return server.doOnChannelInit((observer, channel, address) -> {
      if (channel.pipeline().get(NettyPipeline.HttpTrafficHandler) != null) {
        channel.pipeline().addBefore(NettyPipeline.HttpTrafficHandler, NAME,
            new ReadAfterResponse());
      }
    });
  }
  // end-snippet

  /** Between the codec and the traffic handler: sees each response's last part go out. */
  private static final class ReadAfterResponse extends ChannelDuplexHandler {
    @Override
    public void write(ChannelHandlerContext ctx, Object msg, ChannelPromise promise) {
      if (msg instanceof LastHttpContent) {
        promise = promise.unvoid();
        promise.addListener((ChannelFutureListener) written -> {
          if (written.isSuccess() && written.channel().isActive()) {
            ctx.read();
          }
        });
      }
      ctx.write(msg, promise);
    }
  }
}
