import { BarController, BarElement, CategoryScale, Chart, LinearScale, Tooltip } from 'chart.js';
import { useEffect, useRef } from 'react';

// only the parts a horizontal bar chart needs (tree-shaken; no eval, so the strict CSP holds)
Chart.register(BarController, BarElement, CategoryScale, LinearScale, Tooltip);

const trim = (s: string, n = 28) => (s.length > n ? `${s.slice(0, n - 1)}…` : s);

/** A horizontal bar chart of the top rows of one breakdown; the table beside it holds every row. */
export function BarChart({ rows, label }: { rows: { label: string; n: number }[]; label: string }) {
  const canvas = useRef<HTMLCanvasElement | null>(null);
  useEffect(() => {
    if (!canvas.current) return;
    const chart = new Chart(canvas.current, {
      type: 'bar',
      data: {
        labels: rows.map((r) => trim(r.label)),
        datasets: [{ label, data: rows.map((r) => r.n), backgroundColor: '#2f7d6d', borderRadius: 2 }],
      },
      options: {
        indexAxis: 'y',
        animation: false,
        responsive: true,
        maintainAspectRatio: false,
        plugins: { tooltip: { enabled: true }, legend: { display: false } },
        scales: {
          x: { beginAtZero: true, ticks: { precision: 0, font: { size: 11 } } },
          y: { ticks: { font: { size: 11 }, autoSkip: false } },
        },
      },
    });
    return () => chart.destroy();
  }, [rows, label]);
  return (
    <div style={{ position: 'relative', height: Math.max(90, rows.length * 22 + 30) }}>
      <canvas ref={canvas} role="img" aria-label={label} />
    </div>
  );
}
