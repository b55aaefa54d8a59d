package io.iobench.server.netty;

import io.iobench.server.AcceptBackoff;
import io.iobench.server.ConnectionLedger;
import io.netty.channel.ChannelConfig;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelInboundHandlerAdapter;
import java.io.IOException;
import java.util.concurrent.TimeUnit;

/**
 * Sits on the listening channel and handles a failed accept (EMFILE, ENFILE) the way every iobench model does: it
 * counts the failure and stops accepting for {@link AcceptBackoff}'s delay, 1 ms doubling to 100 ms, by turning
 * auto-read off, which removes the listening socket's read interest so the event loop neither spins on it nor
 * stops serving its connections.
 *
 * <p>Left to itself, Netty's acceptor pauses a fixed second and passes the error to the tail of the pipeline,
 * which logs a warning per failure. The error therefore stops here: it would make this model recover later than
 * the others and fill stderr under a descriptor shortage.
 *
 * <p>Runs on the accepting event loop only.
 */
final class AcceptBackoffHandler extends ChannelInboundHandlerAdapter {

    private final ConnectionLedger ledger;
    private final AcceptBackoff backoff = new AcceptBackoff();

    AcceptBackoffHandler(ConnectionLedger ledger) {
        this.ledger = ledger;
    }

    @Override
    public void channelRead(ChannelHandlerContext ctx, Object msg) {
        backoff.succeeded();
        ctx.fireChannelRead(msg);
    }

    @Override
    public void exceptionCaught(ChannelHandlerContext ctx, Throwable cause) {
        if (!(cause instanceof IOException)) {
            ctx.fireExceptionCaught(cause);
            return;
        }
        ledger.acceptFailed();
        ChannelConfig config = ctx.channel().config();
        if (config.isAutoRead()) {
            config.setAutoRead(false);
            ctx.executor().schedule(() -> config.setAutoRead(true), backoff.failed(), TimeUnit.MILLISECONDS);
        }
    }
}
