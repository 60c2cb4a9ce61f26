export function SidePanel() {
  return (
    <main>
      <h1>年报审计助手</h1>
    </main>
  );
}
