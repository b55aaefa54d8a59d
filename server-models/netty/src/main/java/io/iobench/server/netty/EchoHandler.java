package io.iobench.server.netty;

import io.netty.buffer.Unpooled;
import io.netty.channel.Channel;
import io.netty.channel.ChannelFutureListener;
import io.netty.channel.ChannelHandler.Sharable;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelInboundHandlerAdapter;
import io.netty.channel.socket.ChannelInputShutdownEvent;

/**
 * Writes every buffer it reads back to its channel, the way Netty's own echo example does, plus backpressure
 * and half-close. Stateless, so one instance serves every connection.
 *
 * <ul>
 *   <li>The read buffer itself is written back: its reference passes to the outbound buffer, which releases it
 *       once written (or on close), so nothing is copied and nothing leaks. Writes carry the void promise and are
 *       flushed once per read loop, so echoing allocates no promise and makes one writev per batch of reads.</li>
 *   <li>When the unflushed and unwritten bytes pass the write-buffer high water mark (64 KiB by default), the
 *       channel turns unwritable: reading stops until it drains below the low mark. A client that does not read
 *       is held back by TCP instead of filling the server's memory.</li>
 *   <li>With ALLOW_HALF_CLOSURE, end of input arrives as {@link ChannelInputShutdownEvent}: the connection closes
 *       once everything written before it is flushed.</li>
 *   <li>IO errors (resets, broken pipes) close the connection silently; the tail of the pipeline would log each.</li>
 * </ul>
 */
@Sharable
final class EchoHandler extends ChannelInboundHandlerAdapter {

    static final EchoHandler INSTANCE = new EchoHandler();

    private EchoHandler() {
    }

    @Override
    public void channelRead(ChannelHandlerContext ctx, Object msg) {
        ctx.write(msg, ctx.voidPromise());
    }

    @Override
    public void channelReadComplete(ChannelHandlerContext ctx) {
        ctx.flush();
    }

    @Override
    public void channelWritabilityChanged(ChannelHandlerContext ctx) {
        Channel channel = ctx.channel();
        boolean writable = channel.isWritable();
        channel.config().setAutoRead(writable);
        if (!writable) {
            // Unwritable in the middle of a read loop: start draining now, not at the end of the loop. Auto-read
            // is set first because a flush that drains below the low mark turns the channel writable (and runs
            // this method again) before it returns.
            ctx.flush();
        }
        ctx.fireChannelWritabilityChanged();
    }

    @Override
    public void userEventTriggered(ChannelHandlerContext ctx, Object event) {
        if (event instanceof ChannelInputShutdownEvent) {
            ctx.writeAndFlush(Unpooled.EMPTY_BUFFER).addListener(ChannelFutureListener.CLOSE);
        } else {
            ctx.fireUserEventTriggered(event);
        }
    }

    @Override
    public void exceptionCaught(ChannelHandlerContext ctx, Throwable cause) {
        ctx.close();
    }
}
