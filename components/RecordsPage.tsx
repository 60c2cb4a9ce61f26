export function RecordsPage() {
  return (
    <main>
      <h1>年报审计助手 · 审计记录</h1>
    </main>
  );
}
