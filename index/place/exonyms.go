package place

// exonyms are the English names of places whose usual spelling is not the
// pinyin of their Chinese name: names from the Uyghur, Tibetan and
// Mongolian (乌鲁木齐 is Urumqi, not Wulumuqi; 拉萨 is Lhasa), and a few
// older spellings still in use (哈尔滨 is Harbin). Keyed by the short name
// (report.PlaceForms' last form), lower case, one word each.
var exonyms = map[string][]string{
	// Xinjiang
	"乌鲁木齐": {"urumqi", "urumchi"}, "克拉玛依": {"karamay"}, "吐鲁番": {"turpan", "turfan"}, "哈密": {"kumul"},
	"博尔塔拉": {"bortala"}, "巴音郭楞": {"bayingolin", "bayingol"}, "克孜勒苏": {"kizilsu"}, "喀什": {"kashgar"},
	"和田": {"hotan", "khotan"}, "伊犁": {"ili"}, "塔城": {"qoqek"}, "阿勒泰": {"altay"}, "库尔勒": {"korla"},
	"库车": {"kuqa"}, "伊宁": {"gulja"}, "阿图什": {"artux"}, "奎屯": {"kuytun"}, "阿拉尔": {"aral"},
	// Tibet
	"拉萨": {"lhasa"}, "日喀则": {"shigatse", "xigaze"}, "昌都": {"chamdo", "qamdo"}, "林芝": {"nyingchi"},
	"山南": {"lhoka"}, "那曲": {"nagqu"}, "阿里": {"ngari"},
	// Inner Mongolia
	"呼和浩特": {"hohhot"}, "鄂尔多斯": {"ordos"}, "呼伦贝尔": {"hulunbuir"}, "乌兰察布": {"ulanqab"},
	"兴安": {"hinggan"}, "锡林郭勒": {"xilingol"}, "阿拉善": {"alxa", "alashan"}, "海拉尔": {"hailar"},
	"二连浩特": {"erenhot"}, "锡林浩特": {"xilinhot"}, "乌兰浩特": {"ulanhot"},
	// Qinghai, Sichuan, Yunnan
	"果洛": {"golog"}, "格尔木": {"golmud"}, "甘孜": {"garze"}, "阿坝": {"ngawa"}, "迪庆": {"dechen"},
	// older spellings
	"哈尔滨": {"harbin"}, "齐齐哈尔": {"qiqihar"},
}

// Exonyms returns the English names of a place by its short name (呼和浩特:
// hohhot) where they are not its pinyin, or nil.
func Exonyms(short string) []string { return exonyms[short] }
