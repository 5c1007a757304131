import { createHash } from 'node:crypto';

// Demo market content: real Vietnamese products from a handful of verified
// women-led businesses. Shared by the demo seed and the large-scale generator.

export type DemoSeller = {
  email: string;
  displayName: string;
  slug: string;
  businessName: string;
  province: string;
  story: string;
  categories: string[];
};

export const demoSellers: DemoSeller[] = [
  { email: 'seller@sen.test', displayName: 'Lò Thị Hoa', slug: 'tho-cam-hoa-son-la', businessName: 'Thổ cẩm Hoa Sơn La', province: 'son-la', story: 'Hợp tác xã của chị em người Thái ở Mộc Châu, dệt thổ cẩm bằng khung cửi truyền thống.', categories: ['handicrafts', 'fashion'] },
  { email: 'aodai.hue@sen.test', displayName: 'Tôn Nữ Minh Châu', slug: 'ao-dai-minh-chau-hue', businessName: 'Nhà may Áo dài Minh Châu', province: 'hue', story: 'Ba thế hệ may áo dài ở Huế, vải lụa dệt tại làng Mã Châu.', categories: ['fashion'] },
  { email: 'caphe.daklak@sen.test', displayName: 'H’Linh Niê', slug: 'ca-phe-buon-ma-thuot-hlinh', businessName: 'Cà phê Buôn Ma Thuột H’Linh', province: 'dak-lak', story: 'Cà phê robusta trồng xen sầu riêng, phơi trên giàn và rang mộc tại buôn.', categories: ['food'] },
  { email: 'gom.chudau@sen.test', displayName: 'Vũ Thị Hạnh', slug: 'gom-chu-dau-co-hanh', businessName: 'Gốm Chu Đậu Cô Hạnh', province: 'hai-phong', story: 'Xưởng gốm gia đình ở làng Chu Đậu, men lam vẽ tay và men rạn cổ.', categories: ['home', 'handicrafts'] },
  { email: 'nonla.quangtri@sen.test', displayName: 'Lê Thị Thu', slug: 'non-la-thu-quang-tri', businessName: 'Nón lá chị Thu', province: 'quang-tri', story: 'Nón lá chuốt tay, lá cọ phơi sương, vành tre vót mỏng.', categories: ['handicrafts', 'accessories'] },
  { email: 'mypham.saigon@sen.test', displayName: 'Trần Ngọc Hân', slug: 'co-mem-my-pham-thien-nhien', businessName: 'Cỏ Mềm – mỹ phẩm thiên nhiên', province: 'ho-chi-minh', story: 'Son dưỡng, xà phòng và tinh dầu nấu thủ công từ thảo mộc Việt.', categories: ['beauty'] },
  { email: 'bac.bacha@sen.test', displayName: 'Giàng Thị Mỷ', slug: 'bac-bac-ha-my', businessName: 'Trang sức bạc Bắc Hà', province: 'lao-cai', story: 'Trang sức bạc chạm tay của phụ nữ H’Mông ở Bắc Hà.', categories: ['accessories'] },
  { email: 'len.mebong@sen.test', displayName: 'Phan Thị Bống', slug: 'do-len-me-bong', businessName: 'Đồ len Mẹ Bống', province: 'da-nang', story: 'Mũ, áo và thú bông đan móc bằng len cotton an toàn cho bé.', categories: ['kids'] },
  { email: 'banhtet.cantho@sen.test', displayName: 'Huỳnh Thị Mười', slug: 'bep-co-muoi-can-tho', businessName: 'Bếp cô Mười Cần Thơ', province: 'can-tho', story: 'Bánh tét lá cẩm, mứt dừa và dịch vụ nấu tiệc tại gia ở miền Tây.', categories: ['food', 'services'] },
];

export type DemoListing = { seller: number; title: string; category: string; price: number; stock: number; shippingFee: number; description: string };

export const demoListings: DemoListing[] = [
  { seller: 1, title: 'Áo dài lụa tơ tằm Mã Châu', category: 'fashion', price: 2_450_000, stock: 4, shippingFee: 35_000, description: 'Áo dài may đo bằng lụa tơ tằm dệt tay ở làng Mã Châu.\nMàu hồng sen, cổ cao 3 phân.\nGửi số đo khi đặt hàng.' },
  { seller: 1, title: 'Áo dài cách tân cổ tròn', category: 'fashion', price: 890_000, stock: 12, shippingFee: 30_000, description: 'Áo dài cách tân vải gấm, tà ngắn, mặc đi chơi Tết.' },
  { seller: 1, title: 'Khăn lụa vẽ tay hoa sen', category: 'accessories', price: 420_000, stock: 20, shippingFee: 20_000, description: 'Khăn lụa 90 × 90 cm, vẽ tay họa tiết hoa sen Huế.' },
  { seller: 1, title: 'Áo dài lụa trơn cho mẹ', category: 'fashion', price: 1_650_000, stock: 6, shippingFee: 35_000, description: 'Lụa trơn màu tím Huế, form suông dễ mặc.' },
  { seller: 1, title: 'Quần lụa ống rộng', category: 'fashion', price: 520_000, stock: 15, shippingFee: 25_000, description: 'Quần lụa trắng mặc cùng áo dài, lưng thun.' },
  { seller: 0, title: 'Khăn quàng thổ cẩm Thái', category: 'handicrafts', price: 350_000, stock: 25, shippingFee: 25_000, description: 'Dệt tay trên khung cửi, sợi bông nhuộm chàm.' },
  { seller: 0, title: 'Túi đeo chéo thổ cẩm', category: 'accessories', price: 280_000, stock: 30, shippingFee: 25_000, description: 'Túi nhỏ có khóa kéo, quai vải dày.' },
  { seller: 0, title: 'Váy thổ cẩm Mộc Châu', category: 'fashion', price: 780_000, stock: 8, shippingFee: 30_000, description: 'Váy xòe hoa văn chim công, may viền tay.' },
  { seller: 0, title: 'Gối tựa thổ cẩm', category: 'home', price: 240_000, stock: 18, shippingFee: 25_000, description: 'Vỏ gối 45 × 45 cm kèm ruột bông.' },
  { seller: 0, title: 'Chăn hoa văn Thái dệt tay', category: 'home', price: 1_200_000, stock: 3, shippingFee: 50_000, description: 'Chăn đơn dệt trong hai tuần, sợi bông tự nhiên.' },
  { seller: 2, title: 'Cà phê robusta rang mộc 500g', category: 'food', price: 165_000, stock: 120, shippingFee: 25_000, description: 'Rang mộc, không tẩm bơ, không hương liệu.\nXay theo yêu cầu: phin, pha máy.' },
  { seller: 2, title: 'Cà phê Đắk Lắk hạt culi', category: 'food', price: 210_000, stock: 80, shippingFee: 25_000, description: 'Hạt culi tuyển chọn, vị đậm, hậu ngọt.' },
  { seller: 2, title: 'Phin nhôm và cà phê dùng thử', category: 'food', price: 95_000, stock: 60, shippingFee: 20_000, description: 'Một phin nhôm và gói 100g để pha thử.' },
  { seller: 2, title: 'Mật ong hoa cà phê', category: 'food', price: 180_000, stock: 40, shippingFee: 25_000, description: 'Mật ong nguyên chất mùa hoa cà phê tháng Ba.' },
  { seller: 2, title: 'Hạt điều rang muối Bình Phước', category: 'food', price: 240_000, stock: 50, shippingFee: 25_000, description: 'Điều loại W240, rang củi, còn vỏ lụa.' },
  { seller: 3, title: 'Bộ ấm chén men lam vẽ tay', category: 'home', price: 650_000, stock: 10, shippingFee: 45_000, description: 'Một ấm, sáu chén, men lam vẽ cảnh làng quê.' },
  { seller: 3, title: 'Bình hoa gốm men rạn', category: 'home', price: 380_000, stock: 14, shippingFee: 40_000, description: 'Cao 30 cm, men rạn cổ màu ngà.' },
  { seller: 3, title: 'Bát ăn cơm gốm Chu Đậu', category: 'home', price: 45_000, stock: 200, shippingFee: 30_000, description: 'Bát men trắng vẽ hoa cúc, dùng được lò vi sóng.' },
  { seller: 3, title: 'Đĩa gốm hoa sen 25cm', category: 'home', price: 120_000, stock: 60, shippingFee: 30_000, description: 'Đĩa tròn men lam, vẽ tay từng chiếc.' },
  { seller: 3, title: 'Lọ tăm gốm mini', category: 'home', price: 35_000, stock: 90, shippingFee: 20_000, description: 'Quà tặng nhỏ xinh cho khách.' },
  { seller: 4, title: 'Nón lá bài thơ', category: 'handicrafts', price: 150_000, stock: 40, shippingFee: 25_000, description: 'Soi lên nắng thấy bài thơ và hình cầu Trường Tiền.' },
  { seller: 4, title: 'Nón lá trẻ em', category: 'kids', price: 70_000, stock: 35, shippingFee: 20_000, description: 'Đường kính 30 cm, quai lụa mềm.' },
  { seller: 4, title: 'Nón lá sơn mài trang trí', category: 'home', price: 320_000, stock: 12, shippingFee: 30_000, description: 'Nón sơn mài vẽ hoa, treo tường.' },
  { seller: 4, title: 'Quạt nan tre vẽ tay', category: 'accessories', price: 55_000, stock: 70, shippingFee: 20_000, description: 'Quạt tre gập, vẽ hoa sen.' },
  { seller: 5, title: 'Son dưỡng môi sáp ong', category: 'beauty', price: 85_000, stock: 150, shippingFee: 20_000, description: 'Sáp ong, dầu dừa ép lạnh, vitamin E.' },
  { seller: 5, title: 'Xà phòng nghệ mật ong', category: 'beauty', price: 60_000, stock: 120, shippingFee: 20_000, description: 'Xà phòng nấu lạnh, ủ 6 tuần.' },
  { seller: 5, title: 'Tinh dầu sả chanh 10ml', category: 'beauty', price: 75_000, stock: 90, shippingFee: 20_000, description: 'Chưng cất từ sả chanh trồng ở Củ Chi.' },
  { seller: 5, title: 'Nước hoa hồng Đà Lạt', category: 'beauty', price: 130_000, stock: 60, shippingFee: 25_000, description: 'Chưng cất từ hoa hồng cổ Đà Lạt.' },
  { seller: 5, title: 'Bột rửa mặt cám gạo', category: 'beauty', price: 90_000, stock: 80, shippingFee: 20_000, description: 'Cám gạo, bột đậu xanh, nghệ.' },
  { seller: 6, title: 'Vòng tay bạc chạm hoa văn', category: 'accessories', price: 690_000, stock: 9, shippingFee: 30_000, description: 'Bạc 925, chạm tay hoa văn H’Mông.' },
  { seller: 6, title: 'Khuyên tai bạc hình giọt nước', category: 'accessories', price: 320_000, stock: 20, shippingFee: 25_000, description: 'Nhẹ, móc chống dị ứng.' },
  { seller: 6, title: 'Vòng cổ bạc cho bé', category: 'kids', price: 450_000, stock: 15, shippingFee: 25_000, description: 'Vòng bạc trơn, khóa an toàn.' },
  { seller: 6, title: 'Nhẫn bạc khắc tên', category: 'accessories', price: 250_000, stock: 30, shippingFee: 20_000, description: 'Khắc tên theo yêu cầu, giao sau 3 ngày.' },
  { seller: 7, title: 'Mũ len móc tai gấu', category: 'kids', price: 120_000, stock: 40, shippingFee: 20_000, description: 'Len cotton mềm, cho bé 6–24 tháng.' },
  { seller: 7, title: 'Áo len cardigan cho bé', category: 'kids', price: 260_000, stock: 18, shippingFee: 25_000, description: 'Đan tay, cúc gỗ, giặt tay nước lạnh.' },
  { seller: 7, title: 'Thú bông len con voi', category: 'kids', price: 180_000, stock: 25, shippingFee: 20_000, description: 'Bông gòn kháng khuẩn, mắt thêu.' },
  { seller: 7, title: 'Khăn choàng len cho mẹ', category: 'fashion', price: 330_000, stock: 12, shippingFee: 25_000, description: 'Len mềm, dài 180 cm.' },
  { seller: 8, title: 'Bánh tét lá cẩm nhân chuối', category: 'food', price: 90_000, stock: 50, shippingFee: 35_000, description: 'Nếp nhuộm lá cẩm, nhân chuối xiêm.\nGiao trong ngày ở Cần Thơ.' },
  { seller: 8, title: 'Mứt dừa non nhiều vị', category: 'food', price: 110_000, stock: 70, shippingFee: 25_000, description: 'Dừa Bến Tre, màu từ lá dứa, gấc, thanh long.' },
  { seller: 8, title: 'Nấu tiệc tại gia 10 người', category: 'services', price: 2_500_000, stock: 5, shippingFee: 0, description: 'Thực đơn miền Tây 8 món, đi chợ và nấu tại nhà.' },
  { seller: 8, title: 'Lớp dạy gói bánh tét', category: 'services', price: 350_000, stock: 10, shippingFee: 0, description: 'Buổi học 3 giờ, mang bánh về nhà.' },
  { seller: 8, title: 'Khô cá lóc một nắng', category: 'food', price: 280_000, stock: 30, shippingFee: 35_000, description: 'Cá đồng miền Tây, phơi một nắng, hút chân không.' },
  { seller: 3, title: 'non la mini trang tri (khong dau)', category: 'handicrafts', price: 40_000, stock: 50, shippingFee: 20_000, description: 'Tieu de viet khong dau de thu tim kiem.' },
  { seller: 2, title: 'Trà atiso Đà Lạt túi lọc', category: 'food', price: 70_000, stock: 100, shippingFee: 20_000, description: 'Hộp 50 túi lọc, không đường.' },
];

/** A stable UUID for the i-th demo row, so the seed can run again without duplicates. */
export function demoUuid(kind: string, index: number) {
  const h = createHash('sha1').update(`sen-demo:${kind}:${index}`).digest('hex');
  return `${h.slice(0, 8)}-${h.slice(8, 12)}-4${h.slice(13, 16)}-a${h.slice(17, 20)}-${h.slice(20, 32)}`;
}

/** Listings for the verification seed's verified sellers, added when those accounts exist. */
export const listingsForVerifiedSeeds: (Omit<DemoListing, 'seller'> & { email: string })[] = [
  { email: 'gom@sen.test', title: 'Bát men lam vẽ tay Bát Tràng', category: 'home', price: 55_000, stock: 120, shippingFee: 30_000, description: 'Bát ăn cơm men lam, vẽ tay hoa dây.' },
  { email: 'gom@sen.test', title: 'Lọ hoa gốm men rạn', category: 'home', price: 420_000, stock: 8, shippingFee: 40_000, description: 'Cao 28 cm, men rạn màu ngà.' },
  { email: 'gom@sen.test', title: 'Bộ chén trà men ngọc', category: 'home', price: 360_000, stock: 15, shippingFee: 35_000, description: 'Sáu chén, một ấm, men ngọc bích.' },
  { email: 'che@sen.test', title: 'Chè Shan tuyết cổ thụ 200g', category: 'food', price: 250_000, stock: 60, shippingFee: 25_000, description: 'Hái tay trên núi cao, sao chảo gang.\nPha nước 90 độ.' },
  { email: 'che@sen.test', title: 'Hồng trà Shan tuyết', category: 'food', price: 290_000, stock: 30, shippingFee: 25_000, description: 'Lên men tự nhiên, vị mật ong.' },
  { email: 'che@sen.test', title: 'Bánh chè ép truyền thống', category: 'food', price: 520_000, stock: 10, shippingFee: 30_000, description: 'Bánh chè 357g ép đá, bọc giấy dó.' },
  { email: 'dua@sen.test', title: 'Kẹo dừa sữa nấu tay', category: 'food', price: 65_000, stock: 200, shippingFee: 25_000, description: 'Dừa Bến Tre, đường mía, không chất bảo quản.' },
  { email: 'dua@sen.test', title: 'Kẹo dừa lá dứa', category: 'food', price: 70_000, stock: 150, shippingFee: 25_000, description: 'Màu xanh tự nhiên từ lá dứa.' },
  { email: 'dua@sen.test', title: 'Bánh tráng dừa nướng', category: 'food', price: 45_000, stock: 90, shippingFee: 25_000, description: 'Giòn, thơm mè đen.' },
];
