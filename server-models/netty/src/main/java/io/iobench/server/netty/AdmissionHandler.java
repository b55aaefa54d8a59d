package io.iobench.server.netty;

import io.iobench.server.ConnectionLedger;
import io.netty.channel.Channel;
import io.netty.channel.ChannelFutureListener;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelInboundHandlerAdapter;
import io.netty.channel.group.ChannelGroup;

/**
 * Sits on the listening channel, before Netty's acceptor, and sees each accepted channel first. A channel beyond
 * the ledger's cap is closed there and then, before it is registered with an event loop, so a flood costs the
 * accepting thread only. An admitted one joins the server's group, which {@code close()} closes, and is counted
 * closed by a listener on its close future, so every admitted channel is counted exactly once however it ends.
 *
 * <p>Runs on the accepting event loop only.
 */
final class AdmissionHandler extends ChannelInboundHandlerAdapter {

    private final ConnectionLedger ledger;
    private final ChannelGroup children;
    private final ChannelFutureListener countClosed;

    AdmissionHandler(ConnectionLedger ledger, ChannelGroup children) {
        this.ledger = ledger;
        this.children = children;
        this.countClosed = future -> ledger.closed();
    }

    @Override
    public void channelRead(ChannelHandlerContext ctx, Object msg) {
        Channel child = (Channel) msg;
        if (!ledger.admit()) {
            child.unsafe().closeForcibly();
            return;
        }
        child.closeFuture().addListener(countClosed);
        children.add(child);
        ctx.fireChannelRead(child);
    }
}
