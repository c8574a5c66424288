package numbers

import (
	"strings"
	"testing"
)

// benchText is news-like text with quantities, dates and plain prose in proportions close to real articles.
var benchText = strings.Repeat("قال المرصد السوري لحقوق الإنسان إن أكثر من 350 ألف شخص قتلوا منذ اندلاع النزاع في آذار 2011، "+
	"فيما نزح نحو 6.8 مليون سوري داخل البلاد. وأضاف أن ثلاثة آلاف وسبعمائة حالة اعتقال سجلت خلال العام الماضي، "+
	"وأن سعر صرف الدولار بلغ 14500 ليرة سورية في السوق السوداء، بينما ارتفعت نسبة التضخم إلى ٤٥٫٣ بالمئة. "+
	"وعقد الاجتماع في التاسع من تشرين الأول بحضور ممثلين عن الأطراف المعنية لبحث الأوضاع الإنسانية في المخيمات.\n\n", 50)

func BenchmarkExtract(b *testing.B) {
	b.SetBytes(int64(len(benchText)))
	b.ReportAllocs()
	buf := ext.AppendExtract(nil, benchText)
	for b.Loop() {
		buf = ext.AppendExtract(buf[:0], benchText)
	}
}

func BenchmarkNew(b *testing.B) {
	b.ReportAllocs()
	for b.Loop() {
		New()
	}
}
