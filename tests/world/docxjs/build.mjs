// Word files written with the `docx` npm package (9.15.2) in the «hidden-border table»
// style many Vietnamese generators use: header and signature in borderless tables, lines
// as paragraph borders, spacing before paragraphs, exact line spacing, the page number in
// a header from page 2. Run: npm install docx@9.15.2 && node build.mjs (writes the .docx
// files beside this script; they are committed, so the tests need no Node).
import fs from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";
import {
  AlignmentType, BorderStyle, Document, Header, Packer, PageNumber, Paragraph, Table, TableBorders,
  TableCell, TableRow, TextRun, WidthType,
} from "docx";

const here = process.env.OUT_DIR || path.dirname(fileURLToPath(import.meta.url));
const FONT = "Times New Roman";
const run = (text, size, opts = {}) => new TextRun({ text, size: size * 2, font: FONT, ...opts });
const para = (children, opts = {}) => new Paragraph({ children, spacing: { before: 0, after: 0 }, ...opts });
const centre = (text, size, opts = {}, popts = {}) => para([run(text, size, opts)], { alignment: AlignmentType.CENTER, ...popts });
const NONE = { style: BorderStyle.NONE, size: 0, color: "FFFFFF" };
const cellBorders = { top: NONE, bottom: NONE, left: NONE, right: NONE };
// A line as the bottom border of an empty paragraph, `length` twips long, centred in `width`.
const line = (length, width) => {
  const side = Math.max(Math.floor((width - length) / 2), 0);
  return new Paragraph({
    children: [], indent: { left: side, right: side }, spacing: { before: 0, after: 0, line: 40, lineRule: "exact" },
    border: { bottom: { style: BorderStyle.SINGLE, size: 6, color: "000000", space: 1 } },
  });
};
const twoCells = (widths, left, right) => new Table({
  width: { size: widths[0] + widths[1], type: WidthType.DXA }, columnWidths: widths, borders: TableBorders.NONE,
  rows: [new TableRow({ children: [
    new TableCell({ width: { size: widths[0], type: WidthType.DXA }, borders: cellBorders, children: left }),
    new TableCell({ width: { size: widths[1], type: WidthType.DXA }, borders: cellBorders, children: right }),
  ] })],
});
const mm = (value) => Math.round(value * 1440 / 25.4);
const body = (text, opts = {}) => para([run(text, 14, opts)], {
  alignment: AlignmentType.JUSTIFIED, indent: { firstLine: 720 }, spacing: { before: 120, after: 0, line: 360, lineRule: "exact" },
});

function document(spec) {
  const header = twoCells([mm(70), mm(95)], spec.left, spec.right);
  const pageNumber = new Header({ children: [new Paragraph({ alignment: AlignmentType.CENTER, children: [new TextRun({ children: [PageNumber.CURRENT], size: 28, font: FONT })] })] });
  return new Document({
    creator: "docx", description: "", title: spec.title,
    sections: [{
      properties: { titlePage: true, page: { size: { width: mm(210), height: mm(297) }, margin: { top: mm(20), bottom: mm(20), left: mm(30), right: mm(15), header: mm(10) } } },
      headers: { default: pageNumber, first: new Header({ children: [new Paragraph({ children: [] })] }) },
      children: [header, ...spec.children, twoCells([mm(80), mm(85)], spec.recipients, spec.signature)],
    }],
  });
}

const stateReport = document({
  title: "Báo cáo",
  left: [centre("ỦY BAN NHÂN DÂN", 12, { bold: true }), centre("XÃ THANH MIỆN", 12, { bold: true }), line(mm(12), mm(70)), centre("Số: 15/BC-UBND", 13, {}, { spacing: { before: 120 } })],
  right: [centre("CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM", 12, { bold: true }), centre("Độc lập - Tự do - Hạnh phúc", 13, { bold: true }), line(mm(57), mm(95)),
    centre("Thanh Miện, ngày 08 tháng 12 năm 2025", 14, { italics: true }, { spacing: { before: 120 } })],
  children: [
    centre("BÁO CÁO", 14, { bold: true }, { spacing: { before: 360 } }),
    centre("Kết quả công tác thông tin đối ngoại năm 2025", 14, { bold: true }),
    line(mm(45), mm(165)),
    para([run("Kính gửi: Ủy ban nhân dân thành phố Hải Phòng.", 14)], { alignment: AlignmentType.CENTER, spacing: { before: 240, after: 0 } }),
    body("Thực hiện Kế hoạch số 08/KH-UBND ngày 09/02/2025 của Ủy ban nhân dân xã, Ủy ban nhân dân xã báo cáo kết quả như sau:"),
    body("I. KẾT QUẢ THỰC HIỆN", { bold: true }),
    body("1. Công tác tuyên truyền", { bold: true }),
    body("Đài truyền thanh xã phát 24 tin, bài về thông tin đối ngoại; Trang thông tin điện tử xã đăng 40 tin."),
    body("II. TỒN TẠI, HẠN CHẾ", { bold: true }),
    body("- Nội dung tuyên truyền có lúc chưa phong phú."),
    body("III. PHƯƠNG HƯỚNG, NHIỆM VỤ NĂM 2026", { bold: true }),
    body("Tiếp tục đổi mới nội dung, hình thức tuyên truyền./."),
    para([], { spacing: { before: 240 } }),
  ],
  recipients: [para([run("Nơi nhận:", 12, { bold: true, italics: true })]), para([run("- Như trên;", 11)]),
    para([run("- TT Đảng ủy, TT HĐND xã;", 11)]), para([run("- Lưu: VT, VHXH.", 11)])],
  signature: [centre("TM. ỦY BAN NHÂN DÂN", 14, { bold: true }), centre("KT. CHỦ TỊCH", 14, { bold: true }), centre("PHÓ CHỦ TỊCH", 14, { bold: true }),
    centre("", 14), centre("", 14), centre("", 14), centre("Nguyễn Văn An", 14, { bold: true })],
});

// The same generator for a Party plan, with two true violations: body and headings at
// 13 pt, and «K/T BÍ THƯ» on a Đảng ủy document.
const small = (text, opts = {}) => para([run(text, 13, opts)], {
  alignment: AlignmentType.JUSTIFIED, indent: { firstLine: 720 }, spacing: { before: 120, after: 0, line: 276, lineRule: "auto" },
});
const partyPlan = document({
  title: "Kế hoạch",
  left: [centre("ĐẢNG BỘ THÀNH PHỐ HẢI PHÒNG", 14), centre("ĐẢNG ỦY XÃ THANH MIỆN", 14, { bold: true }), centre("*", 14), centre("Số 21-KH/ĐU", 14)],
  right: [centre("ĐẢNG CỘNG SẢN VIỆT NAM", 15, { bold: true }), line(mm(68), mm(95)),
    centre("Thanh Miện, ngày 10 tháng 3 năm 2026", 14, { italics: true }, { spacing: { before: 120 } })],
  children: [
    centre("KẾ HOẠCH", 16, { bold: true }, { spacing: { before: 360 } }),
    centre("tổ chức các hoạt động thông tin đối ngoại năm 2026", 14, { bold: true }),
    centre("-----", 14, {}, { spacing: { after: 240 } }),
    small("Thực hiện chỉ đạo của Thành ủy Hải Phòng, Ban Thường vụ Đảng ủy xã xây dựng kế hoạch như sau:"),
    small("I. MỤC ĐÍCH, YÊU CẦU", { bold: true }),
    small("1. Mục đích", { bold: true }),
    small("- Nâng cao nhận thức của cán bộ, đảng viên và Nhân dân về công tác thông tin đối ngoại."),
    small("II. TỔ CHỨC THỰC HIỆN", { bold: true }),
    small("Các chi bộ trực thuộc triển khai thực hiện kế hoạch này."),
    para([], { spacing: { before: 240 } }),
  ],
  recipients: [para([run("Nơi nhận:", 14, { underline: {} })]), para([run("- Ban Tuyên giáo và Dân vận Thành ủy,", 12)]),
    para([run("- Các chi bộ trực thuộc,", 12)]), para([run("- Lưu VPĐU.", 12)])],
  signature: [centre("K/T BÍ THƯ", 14, { bold: true }), centre("PHÓ BÍ THƯ", 14), centre("", 14), centre("", 14), centre("", 14), centre("Hoàng Văn Thắng", 14, { bold: true })],
});

for (const [name, doc] of [["docxjs-state-report", stateReport], ["docxjs-party-plan", partyPlan]]) {
  const folder = path.join(here, name);
  fs.mkdirSync(folder, { recursive: true });
  fs.writeFileSync(path.join(folder, `${name}.docx`), await Packer.toBuffer(doc));
}
