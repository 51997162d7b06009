import { Route, Routes } from 'react-router-dom';
import { GraphListPage } from './GraphListPage';
import { GraphPage } from './GraphPage';
import { DependencyMakerPage } from './DependencyMakerPage';

/** Analytics area: graph list, a graph, the dependency maker. */
export function AnalyticsPage() {
  return (
    <Routes>
      <Route path="/" element={<GraphListPage />} />
      <Route path="graphs/:id" element={<GraphPage />} />
      <Route path="maker" element={<DependencyMakerPage />} />
    </Routes>
  );
}
