-- Reference catalogs: regions (the nation, 31 provincial-level divisions with their ISO 3166-2
-- codes, and the three battle zones), indicators and campaigns.

INSERT INTO region (code, kind, parent_code, name_zh, name_en, sort_order) VALUES
    ('CN', 'nation', NULL, '全国', 'China', 0);

INSERT INTO region (code, kind, parent_code, name_zh, name_en, sort_order) VALUES
    ('CN-BJ', 'province', 'CN', '北京市', 'Beijing', 1),
    ('CN-TJ', 'province', 'CN', '天津市', 'Tianjin', 2),
    ('CN-HE', 'province', 'CN', '河北省', 'Hebei', 3),
    ('CN-SX', 'province', 'CN', '山西省', 'Shanxi', 4),
    ('CN-NM', 'province', 'CN', '内蒙古自治区', 'Inner Mongolia', 5),
    ('CN-LN', 'province', 'CN', '辽宁省', 'Liaoning', 6),
    ('CN-JL', 'province', 'CN', '吉林省', 'Jilin', 7),
    ('CN-HL', 'province', 'CN', '黑龙江省', 'Heilongjiang', 8),
    ('CN-SH', 'province', 'CN', '上海市', 'Shanghai', 9),
    ('CN-JS', 'province', 'CN', '江苏省', 'Jiangsu', 10),
    ('CN-ZJ', 'province', 'CN', '浙江省', 'Zhejiang', 11),
    ('CN-AH', 'province', 'CN', '安徽省', 'Anhui', 12),
    ('CN-FJ', 'province', 'CN', '福建省', 'Fujian', 13),
    ('CN-JX', 'province', 'CN', '江西省', 'Jiangxi', 14),
    ('CN-SD', 'province', 'CN', '山东省', 'Shandong', 15),
    ('CN-HA', 'province', 'CN', '河南省', 'Henan', 16),
    ('CN-HB', 'province', 'CN', '湖北省', 'Hubei', 17),
    ('CN-HN', 'province', 'CN', '湖南省', 'Hunan', 18),
    ('CN-GD', 'province', 'CN', '广东省', 'Guangdong', 19),
    ('CN-GX', 'province', 'CN', '广西壮族自治区', 'Guangxi', 20),
    ('CN-HI', 'province', 'CN', '海南省', 'Hainan', 21),
    ('CN-CQ', 'province', 'CN', '重庆市', 'Chongqing', 22),
    ('CN-SC', 'province', 'CN', '四川省', 'Sichuan', 23),
    ('CN-GZ', 'province', 'CN', '贵州省', 'Guizhou', 24),
    ('CN-YN', 'province', 'CN', '云南省', 'Yunnan', 25),
    ('CN-XZ', 'province', 'CN', '西藏自治区', 'Xizang (Tibet)', 26),
    ('CN-SN', 'province', 'CN', '陕西省', 'Shaanxi', 27),
    ('CN-GS', 'province', 'CN', '甘肃省', 'Gansu', 28),
    ('CN-QH', 'province', 'CN', '青海省', 'Qinghai', 29),
    ('CN-NX', 'province', 'CN', '宁夏回族自治区', 'Ningxia', 30),
    ('CN-XJ', 'province', 'CN', '新疆维吾尔自治区', 'Xinjiang', 31);

INSERT INTO region (code, kind, parent_code, name_zh, name_en, sort_order) VALUES
    ('ZONE-EAST', 'zone', NULL, '华东', 'East China', 40),
    ('ZONE-SOUTH', 'zone', NULL, '华南', 'South China', 41),
    ('ZONE-JJJ', 'zone', NULL, '京津冀', 'Beijing-Tianjin-Hebei', 42);

INSERT INTO zone_member (zone_code, province_code) VALUES
    ('ZONE-EAST', 'CN-SH'), ('ZONE-EAST', 'CN-JS'), ('ZONE-EAST', 'CN-ZJ'), ('ZONE-EAST', 'CN-AH'),
    ('ZONE-EAST', 'CN-FJ'), ('ZONE-EAST', 'CN-JX'), ('ZONE-EAST', 'CN-SD'),
    ('ZONE-SOUTH', 'CN-GD'), ('ZONE-SOUTH', 'CN-GX'), ('ZONE-SOUTH', 'CN-HI'),
    ('ZONE-JJJ', 'CN-BJ'), ('ZONE-JJJ', 'CN-TJ'), ('ZONE-JJJ', 'CN-HE');

-- higher_is_better decides the colour of a change: fewer cases and losses are good.
INSERT INTO indicator (code, category, unit, name_zh, name_en, higher_is_better, sort_order) VALUES
    ('cases_registered', 'crackdown', 'count', '立案数', 'Cases registered', FALSE, 1),
    ('cases_solved', 'crackdown', 'count', '破获案件', 'Cases solved', TRUE, 2),
    ('suspects_arrested', 'crackdown', 'count', '抓获犯罪嫌疑人', 'Suspects arrested', TRUE, 3),
    ('ringleaders_arrested', 'crackdown', 'count', '抓获头目骨干', 'Ringleaders arrested', TRUE, 4),
    ('dens_destroyed', 'crackdown', 'count', '捣毁窝点', 'Fraud dens destroyed', TRUE, 5),
    ('cluster_battles', 'crackdown', 'count', '集群战役', 'Cluster battles', TRUE, 6),
    ('property_loss', 'crackdown', 'CNY', '财产损失', 'Property loss', FALSE, 7),
    ('warning_instructions_issued', 'prevention', 'count', '下发预警指令', 'Warning instructions issued', TRUE, 8),
    ('warnings_local', 'prevention', 'count', '各地自主研判预警', 'Local early warnings', TRUE, 9),
    ('sms_12381_warnings', 'prevention', 'count', '12381预警短信/闪信', '12381 warning SMS / flash messages', TRUE, 10),
    ('app_warnings', 'prevention', 'count', '国家反诈中心APP预警', 'National Anti-Fraud Center APP warnings', TRUE, 11),
    ('persons_dissuaded', 'prevention', 'count', '劝阻群众', 'Persons dissuaded', TRUE, 12),
    ('funds_intercepted', 'prevention', 'CNY', '拦截涉案资金', 'Funds intercepted', TRUE, 13),
    ('phone_cards_disposed', 'governance', 'count', '处置涉诈电话卡', 'Fraud phone cards disposed', TRUE, 14),
    ('calls_intercepted', 'governance', 'count', '拦截诈骗电话', 'Fraud calls intercepted', TRUE, 15),
    ('sms_intercepted', 'governance', 'count', '拦截诈骗短信', 'Fraud SMS intercepted', TRUE, 16),
    ('publicity_sessions', 'publicity', 'count', '宣传活动场次', 'Publicity sessions', TRUE, 17),
    ('publicity_sms', 'publicity', 'count', '反诈公益短信', 'Anti-fraud public-service SMS', TRUE, 18),
    ('short_videos', 'publicity', 'count', '反诈短视频', 'Anti-fraud short videos', TRUE, 19),
    ('video_views', 'publicity', 'count', '短视频播放量', 'Short-video views', TRUE, 20);

INSERT INTO campaign (code, kind, name_zh, name_en, sort_order) VALUES
    ('chain_cutting', 'crackdown', '断链', 'Chain Cutting', 1),
    ('source_clearing', 'crackdown', '清源', 'Source Clearing', 2),
    ('sharp_sword', 'crackdown', '利剑', 'Sharp Sword', 3),
    ('nail_pulling', 'crackdown', '拔钉', 'Nail Pulling', 4),
    ('card_breaking', 'governance', '断卡行动2.0', 'Card Breaking 2.0', 5),
    ('regional_battle_east', 'regional_battle', '华东区域会战', 'East China regional battle', 6),
    ('regional_battle_south', 'regional_battle', '华南区域会战', 'South China regional battle', 7),
    ('regional_battle_jjj', 'regional_battle', '京津冀区域会战', 'Beijing-Tianjin-Hebei regional battle', 8),
    ('cluster_landline', 'cluster_battle', '涉诈固话集群战役', 'Landline cluster battle', 9),
    ('cluster_voice_line', 'cluster_battle', '语音专线集群战役', 'Voice-line cluster battle', 10),
    ('cluster_goip', 'cluster_battle', 'GOIP集群战役', 'GOIP cluster battle', 11),
    ('cluster_running_points', 'cluster_battle', '跑分集群战役', 'Running-points cluster battle', 12),
    ('cluster_money_laundering', 'cluster_battle', '洗钱集群战役', 'Money-laundering cluster battle', 13),
    ('publicity_month', 'publicity', '全民反诈在行动', 'National Anti-Fraud in Action', 14);
