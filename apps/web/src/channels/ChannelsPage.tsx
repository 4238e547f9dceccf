export function ChannelsPage() {
  return (
    <section>
      <h1>Channels</h1>
    </section>
  );
}
