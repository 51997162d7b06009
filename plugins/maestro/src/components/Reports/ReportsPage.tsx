import { Route, Routes } from 'react-router-dom';
import { ReportListPage } from './ReportListPage';
import { NewReportPage } from './NewReportPage';
import { ReportPage } from './ReportPage';

/** Reports area: the list, "New report", a report. */
export function ReportsPage() {
  return (
    <Routes>
      <Route path="/" element={<ReportListPage />} />
      <Route path="new" element={<NewReportPage />} />
      <Route path=":id" element={<ReportPage />} />
    </Routes>
  );
}
